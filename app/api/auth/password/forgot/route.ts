// POST /api/auth/password/forgot {email}: always 202 {ok:true}, at once. Everything that depends
// on the address (the lookup, the throttle, the token, the mail) runs after the response, so the
// answer and its timing say nothing about whether the address has an account.
import { requestPasswordReset } from '@/lib/auth/email-flows';
import { handler } from '@/lib/auth/guards';
import { json, readJson } from '@/lib/http';
import { afterResponse } from '@/lib/mail/after-response';
import { mailEnabled, mailUnavailable } from '@/lib/mail/config';
import { forgotPasswordSchema } from '@/lib/validation/email';
import type { z } from '@/lib/validation/zod';
import type { okSchema } from '@/lib/validation/account-responses';

/** No session. A foreign Origin is refused, like sign-in. */
export const POST = handler({ auth: 'none', origin: 'login' }, async (request, { facts }) => {
  const { email } = await readJson(request, forgotPasswordSchema);
  if (!mailEnabled()) throw mailUnavailable();
  afterResponse(() => requestPasswordReset({ email, meta: facts.meta }));
  return json({ ok: true } satisfies z.output<typeof okSchema>, { status: 202 });
});
