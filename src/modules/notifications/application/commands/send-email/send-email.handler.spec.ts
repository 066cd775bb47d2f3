import { OutgoingEmail } from '../../ports/mailer.port';
import { RecordingMailer } from '../../testing/recording-mailer.fake';
import { SendEmailCommand } from './send-email.command';
import { SendEmailHandler } from './send-email.handler';

describe(SendEmailHandler.name, () => {
  const email: OutgoingEmail = {
    to: 'alice@example.com',
    subject: 'Welcome to hexashop',
    text: 'Hello Alice',
    idempotencyKey: 'event-1',
  };
  let mailer: RecordingMailer;
  let sut: SendEmailHandler;

  beforeEach(() => {
    mailer = new RecordingMailer();
    sut = new SendEmailHandler(mailer);
  });

  it('hands the e-mail to the mailer unchanged', async () => {
    await sut.execute(new SendEmailCommand(email));

    expect(mailer.sent).toEqual([email]);
  });

  it('lets a mailer failure propagate so the job is retried', async () => {
    const refused = new Error('451 try again later');
    mailer.failure = refused;

    await expect(sut.execute(new SendEmailCommand(email))).rejects.toBe(refused);
    expect(mailer.sent).toEqual([]);
  });

  it('sends on a retry once the mailer recovers', async () => {
    mailer.failure = new Error('connection refused');
    await expect(sut.execute(new SendEmailCommand(email))).rejects.toThrow('connection refused');
    mailer.failure = undefined;

    await sut.execute(new SendEmailCommand(email));

    expect(mailer.sent).toEqual([email]);
  });
});
