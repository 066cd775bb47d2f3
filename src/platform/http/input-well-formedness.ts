import { FieldError } from '../../shared/kernel/validation.error';

/** A lone UTF-16 surrogate: a code point of category Cs once the string is read by code points. */
const LONE_SURROGATE = /\p{Cs}/u;
/** Deeper input is refused before class-transformer and the validators recurse into it. */
export const MAX_INPUT_DEPTH = 32;
/** Enough to say what is wrong without echoing a whole hostile body back. */
const MAX_REPORTED = 10;

/**
 * What is wrong with a parsed input (`body`, `query` or `path`) before any
 * validator or the database sees it: strings or field names that are not
 * well-formed Unicode (`"\ud800"` makes class-validator's isEmail throw and
 * cannot be stored faithfully), and nesting deeper than MAX_INPUT_DEPTH.
 * Fields are named as the validation pipe names them (`items[0].name`).
 * Iterative, so no input can exhaust the stack.
 */
export function inputProblems(source: 'body' | 'query' | 'path', input: unknown): FieldError[] {
  const problems: FieldError[] = [];
  const pending: Array<{ value: unknown; field: string; depth: number }> = [
    { value: input, field: '', depth: 0 },
  ];
  while (pending.length > 0 && problems.length < MAX_REPORTED) {
    const { value, field, depth } = pending.pop()!;
    const name = field || source;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value))
        problems.push({ field: name, message: `${name} must be well-formed Unicode` });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      problems.push({ field: name, message: `${name} is nested deeper than ${MAX_INPUT_DEPTH}` });
      continue;
    }
    const entries: Array<[string, unknown]> = Array.isArray(value)
      ? value.map((item, index) => [`${field}[${index}]`, item])
      : Object.entries(value as Record<string, unknown>).map(([key, item]) => {
          if (LONE_SURROGATE.test(key))
            problems.push({
              field: name,
              message: `${name} has a field name that is not well-formed Unicode`,
            });
          return [field ? `${field}.${key}` : key, item];
        });
    // Reversed onto the stack so fields are reported in document order.
    for (let index = entries.length - 1; index >= 0; index--) {
      const [child, item] = entries[index]!;
      pending.push({ value: item, field: child, depth: depth + 1 });
    }
  }
  return problems;
}
