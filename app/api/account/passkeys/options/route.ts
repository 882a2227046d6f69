// POST /api/account/passkeys/options: registration options for a new passkey (step-up).
import { requireAccountWrite } from '@/lib/auth/account-guard';
import { registrationOptions } from '@/lib/auth/passkeys';
import { requestRelyingParty } from '@/lib/auth/strong-respond';
import { json, route } from '@/lib/http';

export const POST = route(async (request) => {
  const { user } = await requireAccountWrite(request, { stepUp: true });
  const options = await registrationOptions({ userId: user.id, email: user.email, name: user.name, rp: requestRelyingParty(request) });
  return json({ options });
});
