import { FulfillmentJobsModule } from './modules/fulfillment/fulfillment-jobs.module';
import { DynamicModule, Module } from '@nestjs/common';
import { OrderingJobsModule } from './modules/ordering/ordering-jobs.module';
import { CouponsWorkerModule } from './modules/coupons/coupons-worker.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { AppConfig } from './platform/config/app-config';
import { MaintenanceModule } from './platform/maintenance/maintenance.module';
import { OutboxModule } from './platform/outbox/outbox.module';
import { PlatformModule } from './platform/platform.module';
import { QueueModule } from './platform/queue/queue.module';

/** The worker process: outbox relay, job processors, repeatable jobs; HTTP only for /health and /metrics. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.register(config),
        QueueModule.forWorker(),
        OutboxModule.forWorker(),
        MaintenanceModule,
        NotificationsModule,
        OrderingJobsModule,
        FulfillmentJobsModule,
        CouponsWorkerModule,
      ],
    };
  }
}
