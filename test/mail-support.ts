// The SMTP side of the mail integration tests: a real smtp-server peer (e2e/support/mail-catcher)
// the app talks to through SMTP_URL. Its port comes from MAIL_TEST_SMTP_PORT (+1 for the Postgres
// project, which may run beside the SQLite one); unset, any free port.
import { inject } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { resetTransportForTests } from '@/lib/mail/transport';
import { whenAfterResponseIdle } from '@/lib/mail/after-response';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '@/e2e/support/mail-catcher';

export function smtpTestPort(): number {
  const base = Number(process.env.MAIL_TEST_SMTP_PORT ?? 0);
  if (!base) return 0;
  return base + (inject('databaseProvider') === 'postgres' ? 1 : 0);
}

/** Starts the peer and points the app at it (SMTP mode). */
export async function useMailCatcher(): Promise<MailCatcher> {
  const catcher = await startMailCatcher({ port: smtpTestPort() });
  process.env.SMTP_URL = catcher.url;
  resetEnvForTests();
  resetTransportForTests();
  return catcher;
}

export async function stopMailCatcher(catcher: MailCatcher | undefined): Promise<void> {
  await catcher?.stop();
  delete process.env.SMTP_URL;
  resetEnvForTests();
  resetTransportForTests();
}

/** The token in a mailed link (…?token=…). */
export function tokenFromLink(link: string): string {
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

/** The newest mail to `to` whose subject matches, once the app's work after the response is done. */
export async function mailTo(catcher: MailCatcher, to: string, subject: RegExp): Promise<CaughtMail> {
  await whenAfterResponseIdle();
  return catcher.waitFor((m) => m.to.includes(to.toLowerCase()) && subject.test(m.subject));
}

/** The token of the first link in that mail. */
export async function linkTokenTo(catcher: MailCatcher, to: string, subject: RegExp): Promise<string> {
  return tokenFromLink((await mailTo(catcher, to, subject)).links[0]!);
}
