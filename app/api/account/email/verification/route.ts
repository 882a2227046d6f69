// POST /api/account/email/verification: 202, the verification mail again (while unverified).
import { requireAccountSession } from '@/lib/auth/account-api';
import { resendVerification } from '@/lib/auth/email-flows';
import { requestFacts } from '@/lib/auth/respond';
import { json, route } from '@/lib/http';

export const POST = route(async (request) => {
  const session = await requireAccountSession(request, { write: true });
  await resendVerification({ userId: session.user.id, meta: requestFacts(request).meta });
  return json({ ok: true }, { status: 202 });
});
