import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { RecordingEventOutbox } from '../../../../../shared/kernel/testing/recording-event-outbox.fake';
import { SequentialIdGenerator } from '../../../../../shared/kernel/testing/sequential-id-generator.fake';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { EmailTakenError } from '../../../domain/email-taken.error';
import { Email } from '../../../domain/email.value-object';
import { UserRegistered } from '../../events/user-registered.integration-event';
import { User } from '../../../domain/user.aggregate';
import { FakePasswordHasher } from '../../testing/fake-password-hasher.fake';
import { InMemoryUserRepository } from '../../testing/in-memory-user.repository.fake';
import { SignUpCommand } from './sign-up.command';
import { SignUpHandler } from './sign-up.handler';

describe(SignUpHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let users: InMemoryUserRepository;
  let hasher: FakePasswordHasher;
  let outbox: RecordingEventOutbox;
  let clock: FixedClock;
  let sut: SignUpHandler;

  beforeEach(() => {
    unitOfWork = new ImmediateUnitOfWork();
    users = new InMemoryUserRepository(unitOfWork);
    hasher = new FakePasswordHasher(unitOfWork);
    outbox = new RecordingEventOutbox(unitOfWork);
    clock = new FixedClock(new Date('2025-02-01T10:00:00.000Z'));
    sut = new SignUpHandler(
      users,
      hasher,
      outbox,
      unitOfWork,
      new SequentialIdGenerator('user'),
      clock,
    );
  });

  it('registers a customer and returns its public data', async () => {
    const result = await sut.execute(
      new SignUpCommand('alice@example.com', 'correct horse', 'Alice'),
    );

    expect(result).toEqual({
      id: 'user-1',
      email: 'alice@example.com',
      name: 'Alice',
      role: 'CUSTOMER',
    });
    const stored = await users.findById('user-1');
    expect(stored?.email.value).toBe('alice@example.com');
    expect(stored?.createdAt).toEqual(clock.now());
  });

  it('normalises the email and trims the name', async () => {
    const result = await sut.execute(
      new SignUpCommand('  Alice@Example.COM ', 'correct horse', '  Alice  '),
    );

    expect(result.email).toBe('alice@example.com');
    expect(result.name).toBe('Alice');
    expect(await users.findByEmail(Email.parse('alice@example.com'))).not.toBeNull();
  });

  it('stores only the hash, computed before the transaction', async () => {
    await sut.execute(new SignUpCommand('alice@example.com', 'correct horse', 'Alice'));

    expect(hasher.hashCalls).toEqual([{ password: 'correct horse', transaction: undefined }]);
    expect((await users.findById('user-1'))?.passwordHash).toBe(
      FakePasswordHasher.hashOf('correct horse'),
    );
  });

  it('saves the user and appends UserRegistered in the same committed unit of work', async () => {
    await sut.execute(new SignUpCommand('alice@example.com', 'correct horse', 'Alice'));

    expect(unitOfWork.committed).toHaveLength(1);
    const [transaction] = unitOfWork.committed;
    expect(users.all().map((row) => row.transaction)).toEqual([transaction]);
    expect(outbox.appended).toHaveLength(1);
    expect(outbox.appended[0]!.transaction).toBe(transaction);
    const event = outbox.events[0] as UserRegistered;
    expect(event).toBeInstanceOf(UserRegistered);
    expect(event.payload).toEqual({ userId: 'user-1' });
  });

  it('attributes the write to the new user', async () => {
    await sut.execute(new SignUpCommand('alice@example.com', 'correct horse', 'Alice'));

    expect(unitOfWork.attributions).toEqual([
      { userId: 'user-1', transaction: unitOfWork.committed[0] },
    ]);
  });

  it('lets EmailTakenError from the repository propagate and appends nothing', async () => {
    const existing = User.register({
      id: 'existing',
      email: Email.parse('alice@example.com'),
      name: 'First Alice',
      passwordHash: 'h',
      now: clock.now(),
    });
    users.seed(existing);

    await expect(
      sut.execute(new SignUpCommand('ALICE@example.com', 'another pass', 'Alice')),
    ).rejects.toBeInstanceOf(EmailTakenError);

    expect(outbox.events).toEqual([]);
    expect(users.all().map((row) => row.user.id)).toEqual(['existing']);
    expect(unitOfWork.committed).toEqual([]);
    expect(unitOfWork.rolledBack).toHaveLength(1);
    expect(unitOfWork.attributions).toEqual([]);
  });

  it('rejects a malformed email before hashing or writing anything', async () => {
    await expect(
      sut.execute(new SignUpCommand('not-an-email', 'correct horse', 'Alice')),
    ).rejects.toBeInstanceOf(ValidationError);

    expect(hasher.hashCalls).toEqual([]);
    expect(users.all()).toEqual([]);
    expect(outbox.events).toEqual([]);
  });

  it('rejects an invalid name without writing anything', async () => {
    await expect(
      sut.execute(new SignUpCommand('alice@example.com', 'correct horse', ' ')),
    ).rejects.toBeInstanceOf(ValidationError);

    expect(users.all()).toEqual([]);
    expect(outbox.events).toEqual([]);
    expect(unitOfWork.committed).toEqual([]);
  });
});
