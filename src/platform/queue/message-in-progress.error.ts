/** Another run of the same message is in progress; the job is retried later. */
export class MessageInProgressError extends Error {
  constructor(consumer: string, messageId: string) {
    super(`${consumer} is already processing ${messageId}`);
    this.name = 'MessageInProgressError';
  }
}
