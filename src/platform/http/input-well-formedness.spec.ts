import { inputProblems, MAX_INPUT_DEPTH } from './input-well-formedness';

describe(inputProblems.name, () => {
  it('accepts ordinary text, astral characters (surrogate pairs) and non-strings', () => {
    expect(
      inputProblems('body', {
        name: 'Jane 🙂 한글',
        items: [{ productId: 'a', quantity: 1 }],
        flag: true,
        none: null,
      }),
    ).toEqual([]);
  });

  it.each([
    ['a high surrogate alone', '\ud800'],
    ['a low surrogate alone', 'x\udc00y'],
    ['a pair in the wrong order', '\udc00\ud800'],
  ])('names a body field holding %s', (_, text) => {
    expect(inputProblems('body', { email: text })).toEqual([
      { field: 'email', message: 'email must be well-formed Unicode' },
    ]);
  });

  it('names nested fields as the validation pipe does', () => {
    expect(
      inputProblems('body', { items: [{ productId: 'ok' }, { productId: '\ud83d' }] }),
    ).toEqual([
      { field: 'items[1].productId', message: 'items[1].productId must be well-formed Unicode' },
    ]);
  });

  it('names query and path parameters, and the source for a bare string', () => {
    expect(inputProblems('query', { q: '\udfff' })[0]?.field).toBe('q');
    expect(inputProblems('path', { id: '\ud800' })[0]?.field).toBe('id');
    expect(inputProblems('body', '\ud800')[0]?.field).toBe('body');
  });

  it('flags a field name that is not well-formed', () => {
    expect(inputProblems('body', { outer: { ['\ud800']: 1 } })).toEqual([
      { field: 'outer', message: 'outer has a field name that is not well-formed Unicode' },
    ]);
  });

  it('refuses nesting deeper than the limit without recursing', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 100_000; level++) deep = [deep];

    const problems = inputProblems('body', { deep });

    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain(`nested deeper than ${MAX_INPUT_DEPTH}`);
  });

  it('accepts nesting up to the limit', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < MAX_INPUT_DEPTH - 1; level++) deep = [deep];

    expect(inputProblems('body', deep)).toEqual([]);
  });
});
