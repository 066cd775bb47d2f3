import { OutgoingEmail } from '../ports/mailer.port';

/** Plain-text e-mails of the shop, one function per kind. */
export const EmailTemplates = {
  welcome(input: { eventId: string; email: string; name: string }): OutgoingEmail {
    return {
      to: input.email,
      subject: 'Welcome to hexashop',
      text: `Hello ${input.name},\n\nyour hexashop account is ready. Happy shopping!\n\n— hexashop`,
      idempotencyKey: input.eventId,
    };
  },

  orderConfirmation(input: {
    eventId: string;
    email: string;
    name: string;
    orderId: string;
    lines: ReadonlyArray<{ name: string; quantity: number; lineTotal: number }>;
    paidAmount: number;
  }): OutgoingEmail {
    const lines = input.lines
      .map((line) => `- ${line.name} x ${line.quantity}: ${won(line.lineTotal)}`)
      .join('\n');
    return {
      to: input.email,
      subject: `Order ${input.orderId} confirmed`,
      text: `Hello ${input.name},\n\nthank you for your order ${input.orderId}.\n\n${lines}\n\nPaid from your wallet: ${won(input.paidAmount)}\n\n— hexashop`,
      idempotencyKey: input.eventId,
    };
  },

  orderCancellation(input: {
    eventId: string;
    email: string;
    name: string;
    orderId: string;
    refundedAmount: number;
  }): OutgoingEmail {
    return {
      to: input.email,
      subject: `Order ${input.orderId} cancelled`,
      text: `Hello ${input.name},\n\nyour order ${input.orderId} was cancelled. ${won(input.refundedAmount)} went back to your wallet.\n\n— hexashop`,
      idempotencyKey: input.eventId,
    };
  },
  shipmentShipped(input: {
    eventId: string;
    email: string;
    name: string;
    orderId: string;
    carrier: string;
    trackingNumber: string;
  }): OutgoingEmail {
    return {
      to: input.email,
      subject: `Order ${input.orderId} shipped`,
      text: `Hello ${input.name},\n\nyour order ${input.orderId} is on its way with ${input.carrier}, tracking number ${input.trackingNumber}.\n\n— hexashop`,
      idempotencyKey: input.eventId,
    };
  },

  shipmentDelivered(input: {
    eventId: string;
    email: string;
    name: string;
    orderId: string;
  }): OutgoingEmail {
    return {
      to: input.email,
      subject: `Order ${input.orderId} delivered`,
      text: `Hello ${input.name},\n\nyour order ${input.orderId} was delivered. You may return it within the return window, and review what you bought.\n\n— hexashop`,
      idempotencyKey: input.eventId,
    };
  },

  returnApproved(input: {
    eventId: string;
    email: string;
    name: string;
    orderId: string;
    returnId: string;
    refundAmount: number;
    pointsRestored: number;
    pointsRevoked: number;
  }): OutgoingEmail {
    const points = [
      input.pointsRestored > 0 ? `${input.pointsRestored} points you used are back` : '',
      input.pointsRevoked > 0 ? `${input.pointsRevoked} points earned with it were taken back` : '',
    ]
      .filter(Boolean)
      .join('; ');
    return {
      to: input.email,
      subject: `Return of order ${input.orderId} approved`,
      text: `Hello ${input.name},\n\nwe received your return ${input.returnId} of order ${input.orderId}. ${won(input.refundAmount)} went back to your wallet${points ? ` (${points})` : ''}.\n\n— hexashop`,
      idempotencyKey: input.eventId,
    };
  },

  returnRejected(input: {
    eventId: string;
    email: string;
    name: string;
    orderId: string;
    returnId: string;
  }): OutgoingEmail {
    return {
      to: input.email,
      subject: `Return of order ${input.orderId} rejected`,
      text: `Hello ${input.name},\n\nyour return ${input.returnId} of order ${input.orderId} did not reach us, so it was closed without a refund. While the return window is open you may request the return again.\n\n— hexashop`,
      idempotencyKey: input.eventId,
    };
  },
};

/** The member e-mails of issue "Members": tokens travel only in these messages. */
export const MemberEmailTemplates = {
  emailChangeConfirmation(input: {
    eventId: string;
    email: string;
    name: string;
    token: string;
  }): OutgoingEmail {
    return {
      to: input.email,
      subject: 'Confirm your new hexashop e-mail address',
      text: `Hello ${input.name},\n\nto use this address for your hexashop account, confirm it within 24 hours:\n\nPOST /api/v1/users/me/email/confirm\ntoken: ${input.token}\n\nIf you did not ask for this, ignore this message.\n\n— hexashop`,
      idempotencyKey: input.eventId,
    };
  },

  emailChangeNotice(input: { eventId: string; email: string; name: string }): OutgoingEmail {
    return {
      to: input.email,
      subject: 'Your hexashop e-mail address is being changed',
      text: `Hello ${input.name},\n\nsomeone signed in to your account asked to move it to another e-mail address. It changes only once that address is confirmed. If this was not you, change your password now.\n\n— hexashop`,
      idempotencyKey: `${input.eventId}-notice`,
    };
  },

  passwordReset(input: {
    eventId: string;
    email: string;
    name: string;
    token: string;
  }): OutgoingEmail {
    return {
      to: input.email,
      subject: 'Reset your hexashop password',
      text: `Hello ${input.name},\n\nto set a new password, use this token within 30 minutes (once):\n\nPOST /api/v1/auth/password-reset/confirm\ntoken: ${input.token}\n\nIf you did not ask for this, ignore this message; your password stays as it is.\n\n— hexashop`,
      idempotencyKey: input.eventId,
    };
  },
};

function won(amount: number): string {
  return `${amount.toLocaleString('en-US')} KRW`;
}
