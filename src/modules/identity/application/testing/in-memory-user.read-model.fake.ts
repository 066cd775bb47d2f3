import { UserView } from '../queries/get-current-user/user.view';
import { UserReadModel } from '../ports/user.read-model.port';

/** User views in a map. */
export class InMemoryUserReadModel extends UserReadModel {
  private readonly views = new Map<string, UserView>();

  /** Puts a view in place. */
  put(view: UserView): void {
    this.views.set(view.id, view);
  }

  async findById(id: string): Promise<UserView | null> {
    return this.views.get(id) ?? null;
  }
}
