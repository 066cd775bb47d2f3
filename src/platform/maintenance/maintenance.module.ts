import { Module } from '@nestjs/common';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { MaintenanceProcessor } from './maintenance.processor';

/** Worker housekeeping jobs (expired idempotency records, old outbox events and processed-message marks). */
@Module({ providers: [IdempotencyStore, MaintenanceProcessor] })
export class MaintenanceModule {}
