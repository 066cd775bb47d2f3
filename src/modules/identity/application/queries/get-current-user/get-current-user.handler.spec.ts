import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { InMemoryUserReadModel } from '../../testing/in-memory-user.read-model.fake';
import { GetCurrentUserHandler } from './get-current-user.handler';
import { GetCurrentUserQuery } from './get-current-user.query';
import { UserView } from './user.view';

describe(GetCurrentUserHandler.name, () => {
  const alice: UserView = {
    id: 'user-alice',
    email: 'alice@example.com',
    name: 'Alice',
    phone: null,
    role: 'CUSTOMER',
    createdAt: '2025-01-15T09:00:00.000Z',
  };
  let readModel: InMemoryUserReadModel;
  let sut: GetCurrentUserHandler;

  beforeEach(() => {
    readModel = new InMemoryUserReadModel();
    readModel.put(alice);
    readModel.put({ ...alice, id: 'user-bob', email: 'bob@example.com', name: 'Bob' });
    sut = new GetCurrentUserHandler(readModel);
  });

  it("returns the caller's view", async () => {
    await expect(sut.execute(new GetCurrentUserQuery('user-alice'))).resolves.toEqual(alice);
  });

  it('fails with NotFoundError naming the user when there is no such user', async () => {
    const error = await sut.execute(new GetCurrentUserQuery('user-gone')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toContain('user-gone');
  });
});
