import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { IdentityDirectoryModule } from '../identity/identity-directory.module';
import { OrderingModule } from '../ordering/ordering.module';
import { AdminReviewsController } from './adapters/http/admin-reviews.controller';
import { ReviewMetrics } from './adapters/http/review.metrics';
import { ReviewsController } from './adapters/http/reviews.controller';
import { TypeOrmReviewReadModel } from './adapters/persistence/typeorm-review.read-model';
import { TypeOrmReviewRepository } from './adapters/persistence/typeorm-review.repository';
import { DeleteReviewHandler } from './application/commands/delete-review/delete-review.handler';
import { EditReviewHandler } from './application/commands/edit-review/edit-review.handler';
import { HideReviewHandler } from './application/commands/hide-review/hide-review.handler';
import { MarkReviewHelpfulHandler } from './application/commands/mark-review-helpful/mark-review-helpful.handler';
import { PostReviewHandler } from './application/commands/post-review/post-review.handler';
import { ReviewReadModel } from './application/ports/review.read-model.port';
import { ReviewRepository } from './application/ports/review.repository.port';
import { ListReviewsHandler } from './application/queries/list-reviews/list-reviews.handler';

/**
 * Reviews by verified buyers (API): ordering says who received what, the
 * catalog keeps the rating totals and evicts the product's cached detail.
 */
@Module({
  imports: [CatalogModule, OrderingModule, IdentityDirectoryModule],
  controllers: [ReviewsController, AdminReviewsController],
  providers: [
    ReviewMetrics,
    PostReviewHandler,
    EditReviewHandler,
    DeleteReviewHandler,
    HideReviewHandler,
    MarkReviewHelpfulHandler,
    ListReviewsHandler,
    { provide: ReviewRepository, useClass: TypeOrmReviewRepository },
    { provide: ReviewReadModel, useClass: TypeOrmReviewReadModel },
  ],
})
export class ReviewsModule {}
