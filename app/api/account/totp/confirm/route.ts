// POST /api/account/totp/confirm {code}: the first code turns two-step sign-in on and answers
// with 10 recovery codes, shown this once (step-up).
import { handler } from '@/lib/auth/guards';
import { confirmTotp } from '@/lib/auth/totp';
import { json, readJson } from '@/lib/http';
import { confirmTotpSchema } from '@/lib/validation/strong-sign-in';
import type { z } from '@/lib/validation/zod';
import type { totpOnSchema } from '@/lib/validation/strong-sign-in-responses';

export const POST = handler({ auth: 'required', fresh: true }, async (request, { session, facts }) => {
  const { code } = await readJson(request, confirmTotpSchema);
  const { recoveryCodes, otherSessionsEnded } = await confirmTotp({ userId: session.user.id, currentSid: session.claims.sid, code, meta: facts.meta });
  return json({ recoveryCodes, otherSessionsEnded } satisfies z.output<typeof totpOnSchema>);
});
