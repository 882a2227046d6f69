// POST /api/account/passkeys/options: registration options for a new passkey (step-up).
import { handler } from '@/lib/auth/guards';
import { registrationOptions } from '@/lib/auth/passkeys';
import { requestRelyingParty } from '@/lib/auth/strong-respond';
import { json } from '@/lib/http';
import type { WebauthnOptionsJson } from '@/lib/validation/strong-sign-in-responses';

export const POST = handler({ auth: 'required', fresh: true }, async (request, { session: { user } }) => {
  const options = await registrationOptions({ userId: user.id, email: user.email, name: user.name, rp: requestRelyingParty(request) });
  return json({ options } satisfies WebauthnOptionsJson);
});
