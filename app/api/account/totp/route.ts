// POST /api/account/totp: start turning two-step sign-in on (a new secret, confirmed by a first
// code at /api/account/totp/confirm). DELETE: turn it off. Both step-up.
import { handler } from '@/lib/auth/guards';
import { disableTotp, startTotp } from '@/lib/auth/totp';
import { json } from '@/lib/http';
import type { z } from '@/lib/validation/zod';
import type { totpOffSchema, totpSecretSchema } from '@/lib/validation/strong-sign-in-responses';

export const POST = handler({ auth: 'required', fresh: true }, async (_request, { session: { user } }) => {
  return json((await startTotp({ userId: user.id, email: user.email })) satisfies z.output<typeof totpSecretSchema>);
});

export const DELETE = handler({ auth: 'required', fresh: true }, async (_request, { session, facts }) => {
  const result = await disableTotp({ userId: session.user.id, currentSid: session.claims.sid, meta: facts.meta });
  return json(result satisfies z.output<typeof totpOffSchema>);
});
