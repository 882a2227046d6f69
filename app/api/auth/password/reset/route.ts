// POST /api/auth/password/reset {token,password}: sets the new password from a mailed link.
// Every sign-in and API token of the account ends; the caller signs in again.
import { assertSameOrigin } from '@/lib/auth/csrf';
import { resetPassword } from '@/lib/auth/email-flows';
import { requestFacts } from '@/lib/auth/respond';
import { env } from '@/lib/env';
import { json, readJson, route } from '@/lib/http';
import { resetPasswordSchema } from '@/lib/validation/email';

export const POST = route(async (request) => {
  assertSameOrigin(request, 'login', env().APP_URL);
  const input = await readJson(request, resetPasswordSchema);
  const outcome = await resetPassword({ ...input, meta: requestFacts(request).meta });
  return json({ ok: true, ...outcome });
});
