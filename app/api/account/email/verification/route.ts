// POST /api/account/email/verification: 202, the verification mail again (while unverified).
import { resendVerification } from '@/lib/auth/email-flows';
import { handler } from '@/lib/auth/guards';
import { json } from '@/lib/http';
import type { z } from '@/lib/validation/zod';
import type { okSchema } from '@/lib/validation/account-responses';

/** A sign-in token only (no scope: personal API tokens get 403). */
export const POST = handler({ auth: 'required' }, async (_request, { session, facts }) => {
  await resendVerification({ userId: session.user.id, meta: facts.meta });
  return json({ ok: true } satisfies z.output<typeof okSchema>, { status: 202 });
});
