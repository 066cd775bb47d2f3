import { Email } from '../../domain/email.value-object';
import { Role } from '../../domain/role';
import { User } from '../../domain/user.aggregate';
import { UserOrmEntity } from './user.orm-entity';

/** Converts between the User aggregate and its row. */
export class UserPersistenceMapper {
  static toDomain(row: UserOrmEntity): User {
    return User.rehydrate({
      id: row.id,
      email: Email.parse(row.email),
      name: row.name,
      passwordHash: row.passwordHash,
      role: row.role as Role,
      createdAt: row.createdAt,
    });
  }

  static toRow(user: User, now: Date): UserOrmEntity {
    const row = new UserOrmEntity();
    row.id = user.id;
    row.email = user.email.value;
    row.name = user.name;
    row.passwordHash = user.passwordHash;
    row.role = user.role;
    row.createdAt = user.createdAt;
    row.updatedAt = now;
    return row;
  }
}
