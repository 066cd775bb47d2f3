/**
 * A sealed value failed authentication: another row's or column's value, a
 * changed byte, or the wrong member key. The message never quotes the value.
 */
export class UndecryptableValueError extends Error {
  constructor(where: string) {
    super(`personal data in ${where} cannot be decrypted`);
    this.name = 'UndecryptableValueError';
  }
}
