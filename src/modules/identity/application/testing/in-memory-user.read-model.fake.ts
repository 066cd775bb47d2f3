import { UserView } from '../queries/get-current-user/user.view';
import { AdminUserView } from '../queries/get-user/admin-user.view';
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

  async findAccount(id: string): Promise<AdminUserView | null> {
    const view = this.views.get(id);
    return view ? { ...view, erasedAt: null } : null;
  }

  async findByEmail(email: string): Promise<UserView | null> {
    return [...this.views.values()].find((view) => view.email === email) ?? null;
  }
}
