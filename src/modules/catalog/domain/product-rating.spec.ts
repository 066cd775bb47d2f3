import { productRating } from './product-rating';

describe(productRating.name, () => {
  it('has no average without reviews', () => {
    expect(productRating(0, 0)).toEqual({ average: null, count: 0 });
  });

  it.each([
    [5, 1, 5],
    [9, 2, 4.5],
    [13, 3, 4.33],
    [14, 3, 4.67],
    // 4.125 and 4.375 are halves of the last kept digit: half up.
    [33, 8, 4.13],
    [35, 8, 4.38],
    [1000, 200, 5],
    [799, 200, 4],
    [801, 200, 4.01],
  ])('rounds %i / %i to %d', (sum, count, average) => {
    expect(productRating(sum, count)).toEqual({ average, count });
  });
});
