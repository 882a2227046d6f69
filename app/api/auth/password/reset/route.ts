// POST /api/auth/password/reset {token,password}: sets the new password from a mailed link.
// Every sign-in and API token of the account ends; the caller signs in again.
import { resetPassword } from '@/lib/auth/email-flows';
import { handler } from '@/lib/auth/guards';
import { json, readJson } from '@/lib/http';
import { resetPasswordSchema } from '@/lib/validation/email';
import type { z } from '@/lib/validation/zod';
import type { passwordResetSchema } from '@/lib/validation/account-responses';

/** No session: the token is the credential. A foreign Origin is refused, like sign-in. */
export const POST = handler({ auth: 'none', origin: 'login' }, async (request, { facts }) => {
  const input = await readJson(request, resetPasswordSchema);
  const outcome = await resetPassword({ ...input, meta: facts.meta });
  return json({ ok: true, ...outcome } satisfies z.output<typeof passwordResetSchema>);
});
