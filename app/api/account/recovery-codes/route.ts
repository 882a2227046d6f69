// POST /api/account/recovery-codes: 10 new recovery codes; the old set dies (step-up).
import { requireAccountWrite } from '@/lib/auth/account-guard';
import { requestFacts } from '@/lib/auth/respond';
import { regenerateRecoveryCodes } from '@/lib/auth/totp';
import { json, route } from '@/lib/http';

export const POST = route(async (request) => {
  const session = await requireAccountWrite(request, { stepUp: true });
  return json({ recoveryCodes: await regenerateRecoveryCodes({ userId: session.user.id, meta: requestFacts(request).meta }) });
});
