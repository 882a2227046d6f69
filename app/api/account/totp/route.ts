// POST /api/account/totp: start turning two-step sign-in on (a new secret, confirmed by a first
// code at /api/account/totp/confirm). DELETE: turn it off. Both step-up.
import { requireAccountWrite } from '@/lib/auth/account-guard';
import { requestFacts } from '@/lib/auth/respond';
import { disableTotp, startTotp } from '@/lib/auth/totp';
import { json, route } from '@/lib/http';

export const POST = route(async (request) => {
  const { user } = await requireAccountWrite(request, { stepUp: true });
  return json(await startTotp({ userId: user.id, email: user.email }));
});

export const DELETE = route(async (request) => {
  const session = await requireAccountWrite(request, { stepUp: true });
  const result = await disableTotp({ userId: session.user.id, currentSid: session.claims.sid, meta: requestFacts(request).meta });
  return json(result);
});
