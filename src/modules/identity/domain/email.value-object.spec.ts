import { ValidationError } from '../../../shared/kernel/validation.error';
import { Email } from './email.value-object';

function parseError(raw: string): unknown {
  try {
    Email.parse(raw);
  } catch (error) {
    return error;
  }
  throw new Error(`"${raw}" was accepted`);
}

describe(Email.name, () => {
  it('trims and lower-cases the address', () => {
    const sut = Email.parse('  Alice.Smith@Example.COM \n');

    expect(sut.value).toBe('alice.smith@example.com');
    expect(sut.toString()).toBe('alice.smith@example.com');
  });

  it.each([
    '',
    '   ',
    'alice',
    'alice@',
    '@example.com',
    'alice@example',
    'al ice@example.com',
    'a@b@c.com',
  ])('rejects %j with a ValidationError naming the email field', (raw) => {
    const error = parseError(raw);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([
      { field: 'email', message: expect.any(String) },
    ]);
  });

  it('accepts 254 characters and rejects 255', () => {
    const local = 'a'.repeat(64);
    const at254 = `${local}@${'b'.repeat(185)}.com`;
    const at255 = `${local}@${'b'.repeat(186)}.com`;

    expect(Email.parse(at254).value).toHaveLength(254);
    expect(parseError(at255)).toBeInstanceOf(ValidationError);
  });

  it('treats addresses that differ only in case and spaces as equal', () => {
    const sut = Email.parse('Bob@Example.com');

    expect(sut.equals(Email.parse(' bob@example.COM'))).toBe(true);
    expect(sut.equals(Email.parse('rob@example.com'))).toBe(false);
  });
});
