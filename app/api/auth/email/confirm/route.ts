// POST /api/auth/email/confirm {token}: uses a verification or change-of-address link.
import { confirmEmailToken } from '@/lib/auth/email-flows';
import { handler } from '@/lib/auth/guards';
import { json, readJson } from '@/lib/http';
import { confirmEmailSchema } from '@/lib/validation/email';
import type { z } from '@/lib/validation/zod';
import type { emailConfirmedSchema } from '@/lib/validation/account-responses';

/** No session: the token is the credential. A foreign Origin is refused, like sign-in. */
export const POST = handler({ auth: 'none', origin: 'login' }, async (request) => {
  const { token } = await readJson(request, confirmEmailSchema);
  const outcome = await confirmEmailToken({ token });
  return json({ ok: true, ...outcome } satisfies z.output<typeof emailConfirmedSchema>);
});
