// GET /api/account/passkeys: the account's passkeys. POST {response,name}: registers the passkey
// created from POST /api/account/passkeys/options (step-up).
import { requireAccountWrite } from '@/lib/auth/account-guard';
import { listPasskeys, registerPasskey } from '@/lib/auth/passkeys';
import { requestFacts } from '@/lib/auth/respond';
import { requireSession } from '@/lib/auth/session';
import { requestRelyingParty } from '@/lib/auth/strong-respond';
import { json, readJson, route } from '@/lib/http';
import { registerPasskeySchema } from '@/lib/validation/strong-sign-in';

export const GET = route(async (request) => {
  const session = await requireSession(request);
  return json({ passkeys: await listPasskeys({ userId: session.user.id }) });
});

export const POST = route(async (request) => {
  const session = await requireAccountWrite(request, { stepUp: true });
  const input = await readJson(request, registerPasskeySchema);
  const passkey = await registerPasskey({
    userId: session.user.id,
    name: input.name,
    response: input.response,
    rp: requestRelyingParty(request),
    meta: requestFacts(request).meta,
  });
  return json({ passkey }, { status: 201 });
});
