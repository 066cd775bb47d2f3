import { EmailTemplates } from './email-templates';

describe('EmailTemplates', () => {
  describe(EmailTemplates.welcome.name, () => {
    const sut = EmailTemplates.welcome;

    it('addresses the new user by e-mail and name', () => {
      const email = sut({ eventId: 'event-42', email: 'alice@example.com', name: 'Alice' });

      expect(email.to).toBe('alice@example.com');
      expect(email.subject).toMatch(/welcome/i);
      expect(email.text).toContain('Alice');
    });

    it('uses the event id as the idempotency key, so a re-run yields the same message id', () => {
      const first = sut({ eventId: 'event-42', email: 'alice@example.com', name: 'Alice' });
      const again = sut({ eventId: 'event-42', email: 'alice@example.com', name: 'Alice' });
      const other = sut({ eventId: 'event-43', email: 'alice@example.com', name: 'Alice' });

      expect(first.idempotencyKey).toBe('event-42');
      expect(again).toEqual(first);
      expect(other.idempotencyKey).toBe('event-43');
    });

    it('differs per recipient name', () => {
      const bob = sut({ eventId: 'event-1', email: 'bob@example.com', name: 'Bob' });

      expect(bob.text).toContain('Bob');
      expect(bob.text).not.toContain('Alice');
    });
  });
});
