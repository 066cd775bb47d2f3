import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { FieldRef } from './field-ref';
import { KeyRing } from './key-ring';
import { UndecryptableValueError } from './undecryptable-value.error';

const FORMAT = 'e1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const INFO = Buffer.from('hexashop personal data v1');

/**
 * AES-256-GCM for personal data at rest (ADR 0032). A value is sealed under
 * a field key derived with HKDF-SHA-256 from the member's own secret (the
 * vault's, destroyed on erasure) and a ring key (DATA_KEYS), so reading it
 * takes both; the ring key's id travels with the value:
 *
 *     e1.<key id>.<base64url(iv ‖ ciphertext ‖ tag)>
 *
 * The associated data is `table.column.rowId`: a value moved to another row
 * or column does not decrypt.
 */
export class FieldCipher {
  constructor(private readonly ring: KeyRing) {}

  /** Encrypts under the active ring key. */
  seal(memberSecret: Buffer, plaintext: string, ref: FieldRef): string {
    return this.sealWith(this.fieldKey(memberSecret, this.ring.activeId), plaintext, ref);
  }

  /** Decrypts with the ring key the value names; UndecryptableValueError if it does not authenticate. */
  open(memberSecret: Buffer, sealed: string, ref: FieldRef): string {
    return this.openWith(new FieldKeys(this, memberSecret), sealed, ref);
  }

  private sealWith(fieldKey: Buffer, plaintext: string, ref: FieldRef): string {
    const keyId = this.ring.activeId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', fieldKey, iv);
    cipher.setAAD(associatedData(ref));
    const body = Buffer.concat([
      cipher.update(plaintext, 'utf8'),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    return `${FORMAT}.${keyId}.${Buffer.concat([iv, body]).toString('base64url')}`;
  }

  private openWith(keys: FieldKeys, sealed: string, ref: FieldRef): string {
    const parts = sealed.split('.');
    if (parts.length !== 3 || parts[0] !== FORMAT) throw new UndecryptableValueError(where(ref));
    const bytes = Buffer.from(parts[2]!, 'base64url');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new UndecryptableValueError(where(ref));
    const decipher = createDecipheriv(
      'aes-256-gcm',
      keys.of(parts[1]!),
      bytes.subarray(0, IV_BYTES),
    );
    decipher.setAAD(associatedData(ref));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new UndecryptableValueError(where(ref));
    }
  }

  /** Seals each non-null field of one row (null and undefined stay null). */
  sealRow<K extends string>(
    memberSecret: Buffer,
    table: string,
    rowId: string,
    fields: Readonly<Record<K, string | null | undefined>>,
  ): Record<K, string | null> {
    const out = {} as Record<K, string | null>;
    // One HKDF per row, not per field: the fields of a row share the member's field key.
    let fieldKey: Buffer | undefined;
    for (const column of Object.keys(fields) as K[]) {
      const value = fields[column];
      if (value === null || value === undefined) out[column] = null;
      else {
        fieldKey ??= this.fieldKey(memberSecret, this.ring.activeId);
        out[column] = this.sealWith(fieldKey, value, { table, column, rowId });
      }
    }
    return out;
  }

  /** Opens each non-null field of one row. */
  openRow<K extends string>(
    memberSecret: Buffer,
    table: string,
    rowId: string,
    fields: Readonly<Record<K, string | null>>,
  ): Record<K, string | null> {
    const out = {} as Record<K, string | null>;
    const keys = new FieldKeys(this, memberSecret);
    for (const column of Object.keys(fields) as K[]) {
      const value = fields[column];
      out[column] = value === null ? null : this.openWith(keys, value, { table, column, rowId });
    }
    return out;
  }

  /** True when the value is sealed under the active key (the rotation skips it). */
  isCurrent(sealed: string): boolean {
    return FieldCipher.keyIdOf(sealed) === this.ring.activeId;
  }

  /** The ring key id a sealed value names, or undefined for anything else. */
  static keyIdOf(sealed: string): string | undefined {
    const parts = sealed.split('.');
    return parts.length === 3 && parts[0] === FORMAT ? parts[1] : undefined;
  }

  /** The member's field key under one ring key (HKDF-SHA-256). */
  fieldKey(memberSecret: Buffer, keyId: string): Buffer {
    return Buffer.from(hkdfSync('sha256', memberSecret, this.ring.key(keyId), INFO, 32));
  }
}

/** Field keys of one member by ring key id, each derived at most once. */
class FieldKeys {
  private readonly derived = new Map<string, Buffer>();

  constructor(
    private readonly cipher: FieldCipher,
    private readonly memberSecret: Buffer,
  ) {}

  of(keyId: string): Buffer {
    let key = this.derived.get(keyId);
    if (!key) {
      key = this.cipher.fieldKey(this.memberSecret, keyId);
      this.derived.set(keyId, key);
    }
    return key;
  }
}

function associatedData(ref: FieldRef): Buffer {
  return Buffer.from(`${ref.table}.${ref.column}.${ref.rowId}`, 'utf8');
}

function where(ref: FieldRef): string {
  return `${ref.table}.${ref.column} of ${ref.rowId}`;
}
