// POST /api/account/totp/confirm {code}: the first code turns two-step sign-in on and answers
// with 10 recovery codes, shown this once (step-up).
import { requireAccountWrite } from '@/lib/auth/account-guard';
import { requestFacts } from '@/lib/auth/respond';
import { confirmTotp } from '@/lib/auth/totp';
import { json, readJson, route } from '@/lib/http';
import { confirmTotpSchema } from '@/lib/validation/strong-sign-in';

export const POST = route(async (request) => {
  const session = await requireAccountWrite(request, { stepUp: true });
  const { code } = await readJson(request, confirmTotpSchema);
  const { recoveryCodes, otherSessionsEnded } = await confirmTotp({ userId: session.user.id, currentSid: session.claims.sid, code, meta: requestFacts(request).meta });
  return json({ recoveryCodes, otherSessionsEnded });
});
