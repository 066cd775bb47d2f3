import { Injectable, Logger } from '@nestjs/common';
import { RoleChange, RoleChangeAlerts } from '../../application/ports/role-change-alerts.port';

/**
 * "role changed" as one structured log line (`securityEvent: "role.changed"`,
 * ids only), for log-based alerting. To be routed to the SecurityEvents port
 * of the observability stream once it exists (see the issue 10 note).
 */
@Injectable()
export class LoggingRoleChangeAlerts extends RoleChangeAlerts {
  private readonly logger = new Logger('SecurityEvents');

  roleChanged(change: RoleChange): void {
    this.logger.warn({ securityEvent: 'role.changed', ...change }, 'security event: role changed');
  }
}
