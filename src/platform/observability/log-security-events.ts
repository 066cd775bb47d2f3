import { Injectable, Logger } from '@nestjs/common';
import { Counter } from 'prom-client';
import {
  SECURITY_EVENTS,
  SecurityEvent,
  SecurityEvents,
} from '../../shared/kernel/security-events.port';
import { RequestContext } from '../request-context/request-context';
import { MetricsService } from './metrics.service';

/**
 * Security events as one structured log line each (`securityEvent`, `userId`,
 * `subjectUserId`, `clientAddress`, `reqId`, and the event's bounded detail)
 * and `hexashop_security_events_total{event}`. The client address is kept on
 * purpose here (who tried to log in from where); the e-mail never is.
 */
@Injectable()
export class LogSecurityEvents extends SecurityEvents {
  private readonly logger = new Logger('Security');
  private readonly total: Counter<string>;

  constructor(metrics: MetricsService) {
    super();
    this.total = metrics.counter(
      'hexashop_security_events_total',
      'Security events by name (login_failed, refresh_token_reused, role_changed, ...)',
      ['event'],
    );
    // Every event exported from the start at 0, so rate() and alerts see the first one.
    for (const event of SECURITY_EVENTS) this.total.inc({ event }, 0);
  }

  record(event: SecurityEvent): void {
    const request = RequestContext.current();
    this.total.inc({ event: event.event });
    this.logger.log(
      {
        ...event.detail,
        securityEvent: event.event,
        userId: event.userId,
        subjectUserId: event.subjectUserId ?? undefined,
        clientAddress: request?.clientAddress ?? null,
        reqId: request?.requestId ?? null,
      },
      `security event ${event.event}`,
    );
  }
}
