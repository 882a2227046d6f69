// Reads the mails the app sent over SMTP to the mail catcher (e2e/support/mail-catcher.ts).
import { expect, type APIRequestContext } from '@playwright/test';
import type { CaughtMail } from './mail-catcher';
import { SERVERS } from './servers';

export async function mailsTo(request: APIRequestContext, to: string): Promise<CaughtMail[]> {
  const response = await request.get(`${SERVERS.mailCatcher.url}/mails`);
  const { mails } = (await response.json()) as { mails: CaughtMail[] };
  return mails.filter((m) => m.to.includes(to.toLowerCase()));
}

/** Waits (bounded) for a mail to `to` whose subject matches, and returns it. */
export async function waitForMail(request: APIRequestContext, to: string, subject: RegExp, timeout = 15_000): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailsTo(request, to)).find((m) => subject.test(m.subject));
        return Boolean(found);
      },
      { timeout, message: `a mail to ${to} matching ${subject}` },
    )
    .toBe(true);
  return found!;
}

/** The link of a mail that goes to `path` on the app. */
export function linkTo(mail: CaughtMail, path: string): string {
  const link = mail.links.find((l) => new URL(l).pathname === path);
  if (!link) throw new Error(`no ${path} link in "${mail.subject}": ${mail.links.join(' ')}`);
  return link;
}
