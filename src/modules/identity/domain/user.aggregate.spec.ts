import { ValidationError } from '../../../shared/kernel/validation.error';
import { Email } from './email.value-object';
import { UserRegistered } from '../application/events/user-registered.integration-event';
import { User } from './user.aggregate';

const NOW = new Date('2025-01-15T09:00:00.000Z');

function register(name: string): User {
  return User.register({
    id: 'user-1',
    email: Email.parse('alice@example.com'),
    name,
    passwordHash: 'hash-of-secret',
    now: NOW,
  });
}

function registerError(name: string): unknown {
  try {
    register(name);
  } catch (error) {
    return error;
  }
  throw new Error(`name "${name}" was accepted`);
}

describe(User.name, () => {
  describe('register', () => {
    it('creates a customer with the given data', () => {
      const sut = register('Alice');

      expect(sut.id).toBe('user-1');
      expect(sut.email.value).toBe('alice@example.com');
      expect(sut.name).toBe('Alice');
      expect(sut.passwordHash).toBe('hash-of-secret');
      expect(sut.role).toBe('CUSTOMER');
      expect(sut.createdAt).toEqual(NOW);
    });

    it('records UserRegistered with the user id only (no personal data in the outbox)', () => {
      const sut = register('Alice');

      const events = sut.pullEvents();

      expect(events).toHaveLength(1);
      const [event] = events as UserRegistered[];
      expect(event).toBeInstanceOf(UserRegistered);
      expect(event!.type).toBe('identity.user-registered.v2');
      expect(event!.aggregateType).toBe('user');
      expect(event!.aggregateId).toBe('user-1');
      expect(event!.occurredAt).toEqual(NOW);
      // Ids only: the outbox is stored in clear.
      expect(event!.payload).toEqual({ userId: 'user-1' });
    });

    it('trims the name', () => {
      expect(register('  Alice Smith \t').name).toBe('Alice Smith');
    });

    it('accepts names of 1 and 50 characters', () => {
      expect(register('A').name).toBe('A');
      expect(register('x'.repeat(50)).name).toHaveLength(50);
    });

    it.each([
      ['empty', ''],
      ['blank', '   '],
      ['51 characters', 'x'.repeat(51)],
    ])('rejects a name that is %s with a ValidationError naming name', (_label, name) => {
      const error = registerError(name);

      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors.map((e) => e.field)).toEqual(['name']);
    });
  });

  describe('rehydrate', () => {
    it('restores the stored state without recording events', () => {
      const sut = User.rehydrate({
        id: 'admin-1',
        email: Email.parse('admin@example.com'),
        name: 'Admin',
        phone: null,
        passwordHash: 'h',
        role: 'ADMIN',
        createdAt: NOW,
      });

      expect(sut.role).toBe('ADMIN');
      expect(sut.name).toBe('Admin');
      expect(sut.pullEvents()).toEqual([]);
    });
  });
});
