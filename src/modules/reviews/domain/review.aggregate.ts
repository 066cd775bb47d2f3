import { AggregateRoot } from '../../../shared/kernel/aggregate-root';
import { ForbiddenError } from '../../../shared/kernel/forbidden.error';
import { NotFoundError } from '../../../shared/kernel/not-found.error';
import { FieldError, ValidationError } from '../../../shared/kernel/validation.error';
import { ReviewLimits } from './review-limits';
import { ReviewStatus } from './review-status';

/** What a change of a review adds to its product's rating totals (negative to take away). */
export interface RatingDelta {
  readonly sum: number;
  readonly count: number;
}

export interface ReviewState {
  readonly id: string;
  readonly productId: string;
  readonly orderId: string;
  readonly userId: string;
  readonly status: ReviewStatus;
  readonly rating: number;
  readonly text: string;
  /** The masked name (author-name.ts); null once the author was erased. */
  readonly authorName: string | null;
  readonly helpfulCount: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly hiddenAt: Date | null;
  readonly deletedAt: Date | null;
}

export interface ReviewChanges {
  readonly rating?: number;
  readonly text?: string;
}

/**
 * A verified buyer's review of one order line. Only a VISIBLE review counts
 * in its product's rating: every change returns what it adds to the totals,
 * which the handler applies in the same transaction (ADR 0055).
 */
export class Review extends AggregateRoot {
  private constructor(private state: ReviewState) {
    super();
  }

  static create(input: {
    id: string;
    productId: string;
    orderId: string;
    userId: string;
    rating: number;
    text: string;
    authorName: string;
    now: Date;
  }): Review {
    Review.check({ rating: input.rating, text: input.text });
    return new Review({
      id: input.id,
      productId: input.productId,
      orderId: input.orderId,
      userId: input.userId,
      status: 'VISIBLE',
      rating: input.rating,
      text: input.text,
      authorName: input.authorName,
      helpfulCount: 0,
      createdAt: input.now,
      updatedAt: input.now,
      hiddenAt: null,
      deletedAt: null,
    });
  }

  static rehydrate(state: ReviewState): Review {
    return new Review({ ...state });
  }

  get id(): string {
    return this.state.id;
  }
  get productId(): string {
    return this.state.productId;
  }
  get orderId(): string {
    return this.state.orderId;
  }
  get userId(): string {
    return this.state.userId;
  }
  get status(): ReviewStatus {
    return this.state.status;
  }
  get rating(): number {
    return this.state.rating;
  }
  get text(): string {
    return this.state.text;
  }
  get authorName(): string | null {
    return this.state.authorName;
  }
  get helpfulCount(): number {
    return this.state.helpfulCount;
  }
  get createdAt(): Date {
    return this.state.createdAt;
  }
  get updatedAt(): Date {
    return this.state.updatedAt;
  }
  get hiddenAt(): Date | null {
    return this.state.hiddenAt;
  }
  get deletedAt(): Date | null {
    return this.state.deletedAt;
  }

  /** What this review adds to its product's rating now. */
  get contribution(): RatingDelta {
    return this.state.status === 'VISIBLE'
      ? { sum: this.state.rating, count: 1 }
      : { sum: 0, count: 0 };
  }

  /** The author changes rating and/or text; a hidden review stays hidden. */
  edit(by: string, changes: ReviewChanges, now: Date): RatingDelta {
    this.authorize(by);
    if (changes.rating === undefined && changes.text === undefined)
      throw new ValidationError([
        { field: 'rating', message: 'give a rating or a text to change' },
      ]);
    Review.check(changes);
    const before = this.contribution;
    this.state = {
      ...this.state,
      rating: changes.rating ?? this.state.rating,
      text: changes.text ?? this.state.text,
      updatedAt: now,
    };
    return difference(this.contribution, before);
  }

  /** The author deletes it: its text goes, the row stays so the order line stays reviewed. */
  delete(by: string, now: Date): RatingDelta {
    this.authorize(by);
    const before = this.contribution;
    this.state = { ...this.state, status: 'DELETED', text: '', deletedAt: now, updatedAt: now };
    return difference(this.contribution, before);
  }

  /** An admin hides it; null when it already was (nothing changes, nothing to audit). */
  hide(now: Date): RatingDelta | null {
    if (this.state.status === 'DELETED') throw new NotFoundError('Review', this.state.id);
    if (this.state.status === 'HIDDEN') return null;
    const before = this.contribution;
    this.state = { ...this.state, status: 'HIDDEN', hiddenAt: now };
    return difference(this.contribution, before);
  }

  /**
   * Checks that `voter` may find it helpful: only a visible review, never
   * one's own. The vote itself is a row of its own (one per member).
   */
  assertVotableBy(voter: string): void {
    if (this.state.status !== 'VISIBLE') throw new NotFoundError('Review', this.state.id);
    if (voter === this.state.userId)
      throw new ForbiddenError('You cannot vote for your own review');
  }

  /** Counts a new helpful vote (after the vote row was written). */
  votedHelpful(): void {
    this.state = { ...this.state, helpfulCount: this.state.helpfulCount + 1 };
  }

  /**
   * Only the author changes a review. Anyone else learns nothing about a
   * review the public cannot see (404); a visible one is public, so 403.
   */
  private authorize(by: string): void {
    if (this.state.status === 'DELETED') throw new NotFoundError('Review', this.state.id);
    if (by === this.state.userId) return;
    if (this.state.status === 'VISIBLE')
      throw new ForbiddenError('Only the author may change a review');
    throw new NotFoundError('Review', this.state.id);
  }

  private static check(input: ReviewChanges): void {
    const errors: FieldError[] = [];
    const { rating, text } = input;
    if (
      rating !== undefined &&
      !(
        Number.isInteger(rating) &&
        rating >= ReviewLimits.rating.min &&
        rating <= ReviewLimits.rating.max
      )
    )
      errors.push({ field: 'rating', message: 'rating must be an integer from 1 to 5' });
    if (
      text !== undefined &&
      (text.length > ReviewLimits.textLength.max ||
        text.trim().length < ReviewLimits.textLength.min)
    )
      errors.push({
        field: 'text',
        message: 'text must have 1 to 2000 characters, not only spaces',
      });
    if (errors.length > 0) throw new ValidationError(errors);
  }
}

function difference(after: RatingDelta, before: RatingDelta): RatingDelta {
  return { sum: after.sum - before.sum, count: after.count - before.count };
}
