import { Process, Processor } from '@nestjs/bull';
import { OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Job } from 'bull';
import { OutboxSubscriptions } from '../../../../platform/outbox/outbox-subscriptions';
import { OutboxConsumer } from '../../../../platform/outbox/outbox-consumer';
import { OutboxJob } from '../../../../platform/queue/outbox-job';
import { QUEUES } from '../../../../platform/queue/queue-names';
import {
  ShipmentDelivered,
  ShipmentDeliveredPayload,
} from '../../../fulfillment/application/events/shipment-delivered.integration-event';
import {
  ShipmentShipped,
  ShipmentShippedPayload,
} from '../../../fulfillment/application/events/shipment-shipped.integration-event';
import { SendEmailCommand } from '../../application/commands/send-email/send-email.command';
import { EmailTemplates, MemberEmailTemplates } from '../../application/services/email-templates';
import type { EmailChangeRequestedPayload } from '../../../identity/application/events/email-change-requested.integration-event';
import { EmailChangeRequested } from '../../../identity/application/events/email-change-requested.integration-event';
import type { PasswordResetRequestedPayload } from '../../../identity/application/events/password-reset-requested.integration-event';
import { PasswordResetRequested } from '../../../identity/application/events/password-reset-requested.integration-event';
import type { UserRegisteredPayload } from '../../../identity/application/events/user-registered.integration-event';
import { UserRegistered } from '../../../identity/application/events/user-registered.integration-event';
import {
  UserContact,
  UserDirectory,
} from '../../../identity/application/ports/user-directory.port';
import type { OrderCancelledPayload } from '../../../ordering/application/events/order-cancelled.integration-event';
import { OrderCancelled } from '../../../ordering/application/events/order-cancelled.integration-event';
import type { OrderPlacedPayload } from '../../../ordering/application/events/order-placed.integration-event';
import { OrderPlaced } from '../../../ordering/application/events/order-placed.integration-event';
import type { ReturnApprovedPayload } from '../../../ordering/application/events/return-approved.integration-event';
import { ReturnApproved } from '../../../ordering/application/events/return-approved.integration-event';
import type { ReturnRejectedPayload } from '../../../ordering/application/events/return-rejected.integration-event';
import { ReturnRejected } from '../../../ordering/application/events/return-rejected.integration-event';

/**
 * Turns events into e-mails. Each job runs through the outbox consumer, so a
 * job that runs twice (retry, stalled job, re-publish after Redis lost it) sends once.
 */
@Processor(QUEUES.notifications)
export class NotificationsProcessor implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    private readonly outbox: OutboxConsumer,
    private readonly subscriptions: OutboxSubscriptions,
    private readonly directory: UserDirectory,
  ) {}

  onModuleInit(): void {
    this.subscriptions.subscribe(UserRegistered.TYPE, {
      queue: QUEUES.notifications,
      job: 'welcome-email',
    });
    this.subscriptions.subscribe(EmailChangeRequested.TYPE, {
      queue: QUEUES.notifications,
      job: 'email-change-emails',
    });
    this.subscriptions.subscribe(PasswordResetRequested.TYPE, {
      queue: QUEUES.notifications,
      job: 'password-reset-email',
    });
    this.subscriptions.subscribe(OrderPlaced.TYPE, {
      queue: QUEUES.notifications,
      job: 'order-confirmation-email',
    });
    this.subscriptions.subscribe(OrderCancelled.TYPE, {
      queue: QUEUES.notifications,
      job: 'order-cancellation-email',
    });
    this.subscriptions.subscribe(ShipmentShipped.TYPE, {
      queue: QUEUES.notifications,
      job: 'shipment-shipped-email',
    });
    this.subscriptions.subscribe(ShipmentDelivered.TYPE, {
      queue: QUEUES.notifications,
      job: 'shipment-delivered-email',
    });
    this.subscriptions.subscribe(ReturnApproved.TYPE, {
      queue: QUEUES.notifications,
      job: 'return-approved-email',
    });
    this.subscriptions.subscribe(ReturnRejected.TYPE, {
      queue: QUEUES.notifications,
      job: 'return-rejected-email',
    });
  }

  @Process({ name: 'welcome-email', concurrency: 5 })
  welcome(job: Job<OutboxJob<UserRegisteredPayload>>): Promise<unknown> {
    return this.outbox.consume(job, async ({ eventId, payload }) => {
      const contact = await this.directory.contact(payload.userId);
      // Erased before the welcome went out: there is nobody to write to any more.
      if (!contact) return;
      await this.commands.execute(
        new SendEmailCommand(EmailTemplates.welcome({ eventId, ...contact })),
      );
    });
  }

  /** The confirmation link to the new address and the notice to the current one (each sent once). */
  @Process({ name: 'email-change-emails', concurrency: 5 })
  emailChange(job: Job<OutboxJob<EmailChangeRequestedPayload>>): Promise<unknown> {
    return this.outbox.consume(job, async ({ eventId, payload }) => {
      const change = await this.directory.pendingEmailChange(payload.tokenId);
      if (!change) return; // the member was erased meanwhile
      await this.commands.execute(
        new SendEmailCommand(
          MemberEmailTemplates.emailChangeConfirmation({
            eventId,
            email: change.newEmail,
            name: change.name,
            token: change.token,
          }),
        ),
      );
      await this.commands.execute(
        new SendEmailCommand(
          MemberEmailTemplates.emailChangeNotice({
            eventId,
            email: change.currentEmail,
            name: change.name,
          }),
        ),
      );
    });
  }

  @Process({ name: 'password-reset-email', concurrency: 5 })
  passwordReset(job: Job<OutboxJob<PasswordResetRequestedPayload>>): Promise<unknown> {
    return this.outbox.consume(job, async ({ eventId, payload }) => {
      const reset = await this.directory.passwordReset(payload.tokenId);
      if (!reset) return;
      await this.commands.execute(
        new SendEmailCommand(MemberEmailTemplates.passwordReset({ eventId, ...reset })),
      );
    });
  }

  @Process({ name: 'order-confirmation-email', concurrency: 5 })
  orderConfirmation(job: Job<OutboxJob<OrderPlacedPayload>>): Promise<unknown> {
    return this.outbox.consume(job, async ({ eventId, payload }) => {
      const contact = await this.recipient(payload.userId);
      await this.commands.execute(
        new SendEmailCommand(EmailTemplates.orderConfirmation({ eventId, ...contact, ...payload })),
      );
    });
  }

  @Process({ name: 'order-cancellation-email', concurrency: 5 })
  orderCancellation(job: Job<OutboxJob<OrderCancelledPayload>>): Promise<unknown> {
    return this.outbox.consume(job, async ({ eventId, payload }) => {
      const contact = await this.recipient(payload.userId);
      await this.commands.execute(
        new SendEmailCommand(EmailTemplates.orderCancellation({ eventId, ...contact, ...payload })),
      );
    });
  }

  @Process({ name: 'shipment-shipped-email', concurrency: 5 })
  shipmentShipped(job: Job<OutboxJob<ShipmentShippedPayload>>): Promise<unknown> {
    return this.outbox.consume(job, async ({ eventId, payload }) => {
      const contact = await this.recipient(payload.userId);
      await this.commands.execute(
        new SendEmailCommand(EmailTemplates.shipmentShipped({ eventId, ...contact, ...payload })),
      );
    });
  }

  @Process({ name: 'shipment-delivered-email', concurrency: 5 })
  shipmentDelivered(job: Job<OutboxJob<ShipmentDeliveredPayload>>): Promise<unknown> {
    return this.outbox.consume(job, async ({ eventId, payload }) => {
      const contact = await this.recipient(payload.userId);
      await this.commands.execute(
        new SendEmailCommand(EmailTemplates.shipmentDelivered({ eventId, ...contact, ...payload })),
      );
    });
  }

  @Process({ name: 'return-approved-email', concurrency: 5 })
  returnApproved(job: Job<OutboxJob<ReturnApprovedPayload>>): Promise<unknown> {
    return this.outbox.consume(job, async ({ eventId, payload }) => {
      const contact = await this.recipient(payload.userId);
      await this.commands.execute(
        new SendEmailCommand(EmailTemplates.returnApproved({ eventId, ...contact, ...payload })),
      );
    });
  }

  @Process({ name: 'return-rejected-email', concurrency: 5 })
  returnRejected(job: Job<OutboxJob<ReturnRejectedPayload>>): Promise<unknown> {
    return this.outbox.consume(job, async ({ eventId, payload }) => {
      const contact = await this.recipient(payload.userId);
      await this.commands.execute(
        new SendEmailCommand(EmailTemplates.returnRejected({ eventId, ...contact, ...payload })),
      );
    });
  }

  private async recipient(userId: string): Promise<UserContact> {
    const contact = await this.directory.contact(userId);
    // Thrown errors retry the job: a user always exists before their orders.
    if (!contact) throw new Error(`no contact for user ${userId}`);
    return contact;
  }
}
