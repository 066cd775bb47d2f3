import { Injectable } from '@nestjs/common';
import { ReadDatabase } from '../../../../platform/database/read-database';
import { UserReadModel } from '../../application/ports/user.read-model.port';
import { UserView } from '../../application/queries/get-current-user/user.view';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  created_at: Date;
}

/** Users as seen by queries: replica SQL, routed to the primary for read-your-writes. */
@Injectable()
export class TypeOrmUserReadModel extends UserReadModel {
  constructor(private readonly database: ReadDatabase) {
    super();
  }

  async findById(id: string): Promise<UserView | null> {
    const rows = await this.database.query<UserRow>(
      'SELECT id, email, name, role, created_at FROM users WHERE id = ?',
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      createdAt: new Date(row.created_at).toISOString(),
    };
  }
}
