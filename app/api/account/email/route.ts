// POST /api/account/email {email,password}: 202, a confirmation link goes to the new address;
// the address changes when it is used (and the old address is told).
import { requestEmailChange } from '@/lib/auth/email-flows';
import { handler } from '@/lib/auth/guards';
import { json, readJson } from '@/lib/http';
import { changeEmailSchema } from '@/lib/validation/email';
import type { z } from '@/lib/validation/zod';
import type { okSchema } from '@/lib/validation/account-responses';

/** A sign-in token only, and a recent sign-in (step-up): the address is how the account is recovered. */
export const POST = handler({ auth: 'required', fresh: true }, async (request, { session, facts }) => {
  const { email, password } = await readJson(request, changeEmailSchema);
  await requestEmailChange({ userId: session.user.id, newEmail: email, password, meta: facts.meta });
  return json({ ok: true } satisfies z.output<typeof okSchema>, { status: 202 });
});
