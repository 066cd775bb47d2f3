import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../../../platform/http/page.query';

/** `GET /admin/audit-events` filters. */
export class AuditEventsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Whose personal data' })
  @IsOptional()
  @IsUUID()
  subjectUserId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Who acted' })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;
}
