import { maskAuthorName } from './author-name';

describe(maskAuthorName.name, () => {
  it.each([
    ['Jane Doe', 'J**'],
    ['김민수', '김**'],
    ['  Ann', 'A**'],
    ['😀 Smiley', '😀**'],
    ['', '?**'],
  ])('shows %p as %p', (name, masked) => {
    expect(maskAuthorName(name)).toBe(masked);
  });
});
