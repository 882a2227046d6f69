// POST /api/auth/password/forgot {email}: always 202 {ok:true}, at once. Everything that depends
// on the address (the lookup, the throttle, the token, the mail) runs after the response, so the
// answer and its timing say nothing about whether the address has an account.
import { assertSameOrigin } from '@/lib/auth/csrf';
import { requestPasswordReset } from '@/lib/auth/email-flows';
import { requestFacts } from '@/lib/auth/respond';
import { env } from '@/lib/env';
import { json, readJson, route } from '@/lib/http';
import { afterResponse } from '@/lib/mail/after-response';
import { mailEnabled, mailUnavailable } from '@/lib/mail/config';
import { forgotPasswordSchema } from '@/lib/validation/email';

export const POST = route(async (request) => {
  assertSameOrigin(request, 'login', env().APP_URL);
  const { email } = await readJson(request, forgotPasswordSchema);
  if (!mailEnabled()) throw mailUnavailable();
  const { meta } = requestFacts(request);
  afterResponse(() => requestPasswordReset({ email, meta }));
  return json({ ok: true }, { status: 202 });
});
