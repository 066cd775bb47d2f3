import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../platform/auth/authenticated-user';
import { CurrentUser } from '../../../../platform/auth/current-user.decorator';
import { Roles } from '../../../../platform/auth/roles.decorator';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { ResourceIdPipe } from '../../../../platform/http/resource-id.pipe';
import { HideReviewCommand } from '../../application/commands/hide-review/hide-review.command';
import { ReviewMetrics } from './review.metrics';
import { ReviewResponse } from './review.response';

/** Moderation (admin only). */
@ApiTags('reviews')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/reviews')
export class AdminReviewsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly metrics: ReviewMetrics,
  ) {}

  @Post(':id/hide')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Hide a review: it leaves the lists and the product’s rating (audited)',
    description:
      'Admin only. Writes an audit event (`admin.review.hidden`, subject: the author) in the same transaction. Hiding again answers 200 and records nothing. A deleted review is 404.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ReviewResponse })
  @ApiProblems(401, 403, 404, 429, 503)
  async hide(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', new ResourceIdPipe('Review')) id: string,
  ): Promise<ReviewResponse> {
    const { review, changed } = await this.commands.execute(new HideReviewCommand(admin.id, id));
    if (changed) this.metrics.changed('hidden');
    return review;
  }
}
