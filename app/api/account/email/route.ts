// POST /api/account/email {email,password}: 202, a confirmation link goes to the new address;
// the address changes when it is used (and the old address is told).
import { requireAccountSession } from '@/lib/auth/account-api';
import { requestEmailChange } from '@/lib/auth/email-flows';
import { requestFacts } from '@/lib/auth/respond';
import { json, readJson, route } from '@/lib/http';
import { changeEmailSchema } from '@/lib/validation/email';

export const POST = route(async (request) => {
  const session = await requireAccountSession(request, { write: true });
  const { email, password } = await readJson(request, changeEmailSchema);
  await requestEmailChange({ userId: session.user.id, newEmail: email, password, meta: requestFacts(request).meta });
  return json({ ok: true }, { status: 202 });
});
