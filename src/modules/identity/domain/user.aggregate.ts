import { AggregateRoot } from '../../../shared/kernel/aggregate-root';
import { ValidationError } from '../../../shared/kernel/validation.error';
import { Email } from './email.value-object';
import { PhoneNumber } from '../../../shared/kernel/phone-number.value-object';
import { Role } from './role';
import { UserRegistered } from '../application/events/user-registered.integration-event';

export interface UserProps {
  readonly id: string;
  readonly email: Email;
  readonly name: string;
  readonly phone: PhoneNumber | null;
  readonly passwordHash: string;
  readonly role: Role;
  readonly createdAt: Date;
}

/** A person who can log in. Only a password hash is ever held. */
export class User extends AggregateRoot {
  private constructor(private props: UserProps) {
    super();
  }

  /** A new customer account; records UserRegistered. */
  static register(input: {
    id: string;
    email: Email;
    name: string;
    passwordHash: string;
    now: Date;
  }): User {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 50) {
      throw new ValidationError([{ field: 'name', message: 'name must be 1 to 50 characters' }]);
    }
    const user = new User({
      id: input.id,
      email: input.email,
      name,
      phone: null,
      passwordHash: input.passwordHash,
      role: 'CUSTOMER',
      createdAt: input.now,
    });
    user.record(new UserRegistered({ userId: input.id }, input.now));
    return user;
  }

  /** Changes the name and/or the phone (`null` removes it); undefined leaves a field as it is. */
  changeProfile(change: {
    name?: string | undefined;
    phone?: PhoneNumber | null | undefined;
  }): void {
    let name = this.props.name;
    if (change.name !== undefined) {
      name = change.name.trim();
      if (name.length < 1 || name.length > 50)
        throw new ValidationError([{ field: 'name', message: 'name must be 1 to 50 characters' }]);
    }
    this.props = {
      ...this.props,
      name,
      phone: change.phone === undefined ? this.props.phone : change.phone,
    };
  }

  /** Replaces the password hash (already argon2id). */
  changePassword(passwordHash: string): void {
    this.props = { ...this.props, passwordHash };
  }

  /** Gives the account another role. */
  changeRole(role: Role): void {
    this.props = { ...this.props, role };
  }

  /** Moves the login to another (confirmed) address. */
  changeEmail(email: Email): void {
    this.props = { ...this.props, email };
  }

  static rehydrate(props: UserProps): User {
    return new User(props);
  }

  get id(): string {
    return this.props.id;
  }

  get email(): Email {
    return this.props.email;
  }

  get name(): string {
    return this.props.name;
  }

  get phone(): PhoneNumber | null {
    return this.props.phone;
  }

  get passwordHash(): string {
    return this.props.passwordHash;
  }

  get role(): Role {
    return this.props.role;
  }

  get createdAt(): Date {
    return this.props.createdAt;
  }
}
