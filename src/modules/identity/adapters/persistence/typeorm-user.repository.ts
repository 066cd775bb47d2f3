import { Injectable } from '@nestjs/common';
import { Clock } from '../../../../shared/kernel/clock.port';
import { isDuplicateKeyError } from '../../../../platform/database/mysql-errors';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { UserRepository } from '../../application/ports/user.repository.port';
import { EmailTakenError } from '../../domain/email-taken.error';
import { Email } from '../../domain/email.value-object';
import { User } from '../../domain/user.aggregate';
import { UserOrmEntity } from './user.orm-entity';
import { UserPersistenceMapper } from './user.persistence-mapper';

@Injectable()
export class TypeOrmUserRepository extends UserRepository {
  constructor(
    private readonly transaction: TransactionContext,
    private readonly clock: Clock,
  ) {
    super();
  }

  async add(user: User): Promise<void> {
    try {
      await this.transaction
        .manager()
        .insert(UserOrmEntity, UserPersistenceMapper.toRow(user, this.clock.now()));
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new EmailTakenError();
      throw error;
    }
  }

  async findByEmail(email: Email): Promise<User | null> {
    const row = await this.transaction
      .manager()
      .findOne(UserOrmEntity, { where: { email: email.value } });
    return row ? UserPersistenceMapper.toDomain(row) : null;
  }

  async findById(id: string): Promise<User | null> {
    const row = await this.transaction.manager().findOne(UserOrmEntity, { where: { id } });
    return row ? UserPersistenceMapper.toDomain(row) : null;
  }
}
