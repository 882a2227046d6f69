// GET /api/account/passkeys: the account's passkeys. POST {response,name}: registers the passkey
// created from POST /api/account/passkeys/options (step-up).
import { handler } from '@/lib/auth/guards';
import { listPasskeys, registerPasskey } from '@/lib/auth/passkeys';
import { requestRelyingParty } from '@/lib/auth/strong-respond';
import { json, readJson } from '@/lib/http';
import { registerPasskeySchema } from '@/lib/validation/strong-sign-in';
import type { z } from '@/lib/validation/zod';
import type { passkeyAnswerSchema, passkeysSchema } from '@/lib/validation/strong-sign-in-responses';

export const GET = handler({ auth: 'required' }, async (_request, { session }) => {
  return json({ passkeys: await listPasskeys({ userId: session.user.id }) } satisfies z.output<typeof passkeysSchema>);
});

export const POST = handler({ auth: 'required', fresh: true }, async (request, { session, facts }) => {
  const input = await readJson(request, registerPasskeySchema);
  const passkey = await registerPasskey({
    userId: session.user.id,
    name: input.name,
    response: input.response,
    rp: requestRelyingParty(request),
    meta: facts.meta,
  });
  return json({ passkey } satisfies z.output<typeof passkeyAnswerSchema>, { status: 201 });
});
