/** class-transformer `@Transform` that trims string input (other values pass through to the validators). */
export const trimString = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
