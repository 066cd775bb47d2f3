import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../platform/auth/authenticated-user';
import { CurrentUser } from '../../../../platform/auth/current-user.decorator';
import { Public } from '../../../../platform/auth/public.decorator';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { ResourceIdPipe } from '../../../../platform/http/resource-id.pipe';
import { DeleteReviewCommand } from '../../application/commands/delete-review/delete-review.command';
import { EditReviewCommand } from '../../application/commands/edit-review/edit-review.command';
import { MarkReviewHelpfulCommand } from '../../application/commands/mark-review-helpful/mark-review-helpful.command';
import { PostReviewCommand } from '../../application/commands/post-review/post-review.command';
import { ListReviewsQuery } from '../../application/queries/list-reviews/list-reviews.query';
import { EditReviewRequest } from './edit-review.request';
import { ListReviewsRequest } from './list-reviews.request';
import { PostReviewRequest } from './post-review.request';
import { ReviewPageResponse } from './review-page.response';
import { ReviewMetrics } from './review.metrics';
import { ReviewResponse } from './review.response';

const productId = new ResourceIdPipe('Product');
const reviewId = new ResourceIdPipe('Review');

/** Reviews by verified buyers: written by members, read by anyone (ADR 0055). */
@ApiTags('reviews')
@Controller()
export class ReviewsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly metrics: ReviewMetrics,
  ) {}

  @Post('products/:id/reviews')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Review a product you received: 1-5 stars and a text, once per order line',
    description:
      'Only for an order of the caller that has a line of this product and was delivered (also after a return request or a return): otherwise 403 REVIEW_NOT_ALLOWED. One review per order line, ever (a deleted one still counts): 409 REVIEW_EXISTS. The text is stored as given. The product’s `rating` moves in the same transaction and `GET /products/{id}` shows it on the next read.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The product' })
  @ApiCreatedResponse({ type: ReviewResponse })
  @ApiProblems(
    400,
    401,
    { status: 403, codes: ['REVIEW_NOT_ALLOWED'] },
    404,
    { status: 409, codes: ['REVIEW_EXISTS'] },
    413,
    429,
    503,
  )
  async post(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', productId) id: string,
    @Body() body: PostReviewRequest,
  ): Promise<ReviewResponse> {
    const review = await this.commands.execute(
      new PostReviewCommand(user.id, id, body.orderId.toLowerCase(), body.rating, body.text),
    );
    this.metrics.changed('posted');
    return review;
  }

  @Public()
  @Get('products/:id/reviews')
  @ApiOperation({
    summary: 'Visible reviews of a product, newest or most helpful first',
    description:
      'Public. Keyset-paginated: a cursor continues after the last item of its page whatever was written meanwhile; a cursor belongs to its sort (VALIDATION_FAILED on `cursor` otherwise). Hidden and deleted reviews never appear. 404 for an unknown or hidden product.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The product' })
  @ApiOkResponse({ type: ReviewPageResponse })
  @ApiProblems(400, 404, 429)
  list(
    @Param('id', productId) id: string,
    @Query() query: ListReviewsRequest,
  ): Promise<ReviewPageResponse> {
    return this.queries.execute(new ListReviewsQuery(id, query.sort, query.limit, query.cursor));
  }

  @Patch('reviews/:id')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change your review’s rating and/or text',
    description:
      'Author only: another member gets 403 FORBIDDEN for a visible review and 404 for one the public cannot see. A hidden review stays hidden. The product’s rating follows in the same transaction.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ReviewResponse })
  @ApiProblems(400, 401, 403, 404, 413, 429, 503)
  async edit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', reviewId) id: string,
    @Body() body: EditReviewRequest,
  ): Promise<ReviewResponse> {
    const review = await this.commands.execute(
      new EditReviewCommand(user.id, id, { rating: body.rating, text: body.text }),
    );
    this.metrics.changed('edited');
    return review;
  }

  @Delete('reviews/:id')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Delete your review',
    description:
      'Author only (403/404 for others as for PATCH). The review leaves the lists and the rating; its text is discarded; the order line cannot be reviewed again.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404, 429, 503)
  async remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', reviewId) id: string,
  ): Promise<void> {
    await this.commands.execute(new DeleteReviewCommand(user.id, id));
    this.metrics.changed('deleted');
  }

  @Post('reviews/:id/helpful')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Mark a review as helpful (one vote per member, idempotent)',
    description:
      'Any signed-in member but the author (403 FORBIDDEN). Voting again answers 200 with the same count. Only visible reviews (404 otherwise). The count orders `?sort=helpful`.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ReviewResponse })
  @ApiProblems(401, 403, 404, 429, 503)
  async helpful(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', reviewId) id: string,
  ): Promise<ReviewResponse> {
    const { review, changed } = await this.commands.execute(
      new MarkReviewHelpfulCommand(user.id, id),
    );
    if (changed) this.metrics.changed('voted_helpful');
    return review;
  }
}
