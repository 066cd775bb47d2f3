import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserContact, UserDirectory } from '../../application/ports/user-directory.port';

@Injectable()
export class TypeOrmUserDirectory extends UserDirectory {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async contact(userId: string): Promise<UserContact | null> {
    // Raw queries outside a transaction go to the primary (replication defaultMode 'master').
    const [row] = (await this.dataSource.query('SELECT email, name FROM users WHERE id = ?', [
      userId,
    ])) as UserContact[];
    return row ? { email: row.email, name: row.name } : null;
  }
}
