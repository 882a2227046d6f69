// What every COMPLETE browser sign-in does once it has its session (password alone, password and
// second step, passkey, sign-in provider): remember the browser for the signed `device` cookie,
// and tell the owner about a browser the account has never signed in from (after the answer).
// Programs (the token endpoint) never come here: no browser, no cookie, no notice.
import 'server-only';
import { afterResponse } from '@/lib/after-response';
import { enqueueNewBrowserNotice } from '@/lib/mail/notices';
import { rememberBrowser } from './devices';
import type { RequestMeta } from './http';

export interface KnownBrowser {
  browserId: string;
  newForAccount: boolean;
}

export async function rememberSignInBrowser(input: { userId: string; browserId: string | null; meta: RequestMeta | null }): Promise<KnownBrowser> {
  const remembered = await rememberBrowser({ userId: input.userId, browserId: input.browserId });
  if (remembered.newForAccount) {
    const at = new Date();
    const userAgent = input.meta?.userAgent ?? 'unknown';
    afterResponse(() => enqueueNewBrowserNotice({ userId: input.userId, userAgent, at }));
  }
  return remembered;
}
