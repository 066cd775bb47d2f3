/**
 * Where a sealed value lives. The three parts are the associated data of its
 * encryption: a value copied to another row or column fails to decrypt.
 */
export interface FieldRef {
  readonly table: string;
  readonly column: string;
  readonly rowId: string;
}
