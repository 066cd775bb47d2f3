import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../database/transaction-context';
import { MemberKeyStore } from './member-key-store';

/**
 * The vault for adapters: MemberKeyStore on the current UnitOfWork's
 * connection (or the primary outside one), so creating or destroying a key
 * commits with the member's rows.
 */
@Injectable()
export class MemberKeyVault {
  constructor(
    private readonly store: MemberKeyStore,
    private readonly transaction: TransactionContext,
  ) {}

  /** `schema`.member_keys, for read models that join the member's secret. */
  get keysTable(): string {
    return this.store.keysTable;
  }

  async create(userId: string, now: Date): Promise<Buffer> {
    const secret = await this.store.create(this.transaction.sql(), userId, now);
    this.transaction.current()?.memberKeys.set(userId, secret);
    return secret;
  }

  /** Read once per transaction (TransactionState.memberKeys). */
  ensure(userId: string, now: Date): Promise<Buffer | null> {
    return this.store.ensureCached(
      this.transaction.sql(),
      this.transaction.current()?.memberKeys,
      userId,
      now,
    );
  }

  find(userId: string): Promise<Buffer | null> {
    return this.store.find(this.transaction.sql(), userId);
  }

  findMany(userIds: readonly string[]): Promise<Map<string, Buffer>> {
    return this.store.findMany(this.transaction.sql(), userIds);
  }

  destroy(userId: string, erasedAt: Date): Promise<void> {
    this.transaction.current()?.memberKeys.delete(userId);
    return this.store.destroy(this.transaction.sql(), userId, erasedAt);
  }
}
