/** What a review shows for an author whose personal data was erased. */
export const ERASED_AUTHOR_NAME = 'Erased member';

/**
 * The public form of a member's name on a review: its first character and
 * two asterisks ("김**", "J**"), whatever the name's length, so neither the
 * name nor its length is published (ADR 0055).
 */
export function maskAuthorName(name: string): string {
  const first = [...name.trim()][0];
  return `${first ?? '?'}**`;
}
