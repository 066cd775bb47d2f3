import { Process, Processor } from '@nestjs/bull';
import { OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Job } from 'bull';
import { OutboxSubscriptions } from '../../../../platform/outbox/outbox-subscriptions';
import { IdempotentConsumer } from '../../../../platform/queue/idempotent-consumer';
import { OutboxJob } from '../../../../platform/queue/outbox-job';
import { QUEUES } from '../../../../platform/queue/queue-names';
import { SendEmailCommand } from '../../application/commands/send-email/send-email.command';
import { EmailTemplates } from '../../application/email-templates';

/** Event types this module reacts to (the publishers' public contracts). */
export const USER_REGISTERED = 'identity.user-registered.v1';

interface UserRegisteredMessage {
  userId: string;
  email: string;
  name: string;
}

/**
 * Turns events into e-mails. Each job runs through the idempotent consumer,
 * so a job that runs twice (retry, stalled job, duplicate publish) sends once.
 */
@Processor(QUEUES.notifications)
export class NotificationsProcessor implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    private readonly consumer: IdempotentConsumer,
    private readonly subscriptions: OutboxSubscriptions,
  ) {}

  onModuleInit(): void {
    this.subscriptions.subscribe(USER_REGISTERED, {
      queue: QUEUES.notifications,
      job: 'welcome-email',
    });
  }

  @Process({ name: 'welcome-email', concurrency: 5 })
  async welcome(job: Job<OutboxJob<UserRegisteredMessage>>): Promise<void> {
    const { eventId, payload } = job.data;
    await this.consumer.runOnce('notifications.welcome-email', eventId, () =>
      this.commands.execute(
        new SendEmailCommand(
          EmailTemplates.welcome({ eventId, email: payload.email, name: payload.name }),
        ),
      ),
    );
  }
}
