import { ForbiddenError } from '../../../shared/kernel/forbidden.error';
import { NotFoundError } from '../../../shared/kernel/not-found.error';
import { ValidationError } from '../../../shared/kernel/validation.error';
import { Review } from './review.aggregate';

const T0 = new Date('2025-03-01T08:00:00.000Z');
const T1 = new Date('2025-03-02T08:00:00.000Z');

const review = (rating = 4): Review =>
  Review.create({
    id: 'r-1',
    productId: 'p-1',
    orderId: 'o-1',
    userId: 'author',
    rating,
    text: 'Good <b>beans</b>',
    authorName: 'J**',
    now: T0,
  });

describe(Review.name, () => {
  it('starts visible, counting its rating once, with the text as given', () => {
    const sut = review(4);
    expect(sut.status).toBe('VISIBLE');
    expect(sut.text).toBe('Good <b>beans</b>');
    expect(sut.contribution).toEqual({ sum: 4, count: 1 });
  });

  it.each([
    [{ rating: 0 }, 'rating'],
    [{ rating: 6 }, 'rating'],
    [{ rating: 4.5 }, 'rating'],
    [{ text: '' }, 'text'],
    [{ text: '   ' }, 'text'],
    [{ text: 'x'.repeat(2001) }, 'text'],
  ])('refuses %p on %s', (input, field) => {
    const attempt = () =>
      Review.create({
        id: 'r',
        productId: 'p',
        orderId: 'o',
        userId: 'u',
        rating: 3,
        text: 'ok',
        authorName: 'A**',
        now: T0,
        ...input,
      });
    expect(attempt).toThrow(ValidationError);
    try {
      attempt();
    } catch (error) {
      expect((error as ValidationError).errors.map((e) => e.field)).toEqual([field]);
    }
  });

  it('accepts exactly 2000 characters', () => {
    expect(() => review().edit('author', { text: 'x'.repeat(2000) }, T1)).not.toThrow();
  });

  it('returns the difference an edit makes to the totals', () => {
    const sut = review(4);
    expect(sut.edit('author', { rating: 2 }, T1)).toEqual({ sum: -2, count: 0 });
    expect(sut.edit('author', { text: 'Meh' }, T1)).toEqual({ sum: 0, count: 0 });
    expect(sut.rating).toBe(2);
    expect(sut.text).toBe('Meh');
    expect(sut.updatedAt).toEqual(T1);
  });

  it('refuses an edit that changes nothing', () => {
    expect(() => review().edit('author', {}, T1)).toThrow(ValidationError);
  });

  it('takes its rating out when hidden, once; an edit of a hidden review moves nothing', () => {
    const sut = review(5);
    expect(sut.hide(T1)).toEqual({ sum: -5, count: -1 });
    expect(sut.hide(T1)).toBeNull();
    expect(sut.edit('author', { rating: 1 }, T1)).toEqual({ sum: 0, count: 0 });
    expect(sut.status).toBe('HIDDEN');
  });

  it('takes its rating out when deleted and drops the text; a deleted review is gone for everyone', () => {
    const sut = review(3);
    expect(sut.delete('author', T1)).toEqual({ sum: -3, count: -1 });
    expect(sut.text).toBe('');
    expect(() => sut.delete('author', T1)).toThrow(NotFoundError);
    expect(() => sut.edit('author', { rating: 1 }, T1)).toThrow(NotFoundError);
    expect(() => sut.hide(T1)).toThrow(NotFoundError);
    expect(() => sut.assertVotableBy('someone')).toThrow(NotFoundError);
  });

  it('answers others 403 on a visible review and 404 on a hidden one', () => {
    const visible = review();
    expect(() => visible.edit('other', { rating: 1 }, T1)).toThrow(ForbiddenError);
    expect(() => visible.delete('other', T1)).toThrow(ForbiddenError);
    const hidden = review();
    hidden.hide(T1);
    expect(() => hidden.edit('other', { rating: 1 }, T1)).toThrow(NotFoundError);
    expect(() => hidden.delete('other', T1)).toThrow(NotFoundError);
  });

  it('takes helpful votes from others on visible reviews only', () => {
    const sut = review();
    expect(() => sut.assertVotableBy('author')).toThrow(ForbiddenError);
    expect(() => sut.assertVotableBy('other')).not.toThrow();
    sut.votedHelpful();
    expect(sut.helpfulCount).toBe(1);
    sut.hide(T1);
    expect(() => sut.assertVotableBy('other')).toThrow(NotFoundError);
  });
});
