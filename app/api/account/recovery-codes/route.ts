// POST /api/account/recovery-codes: 10 new recovery codes; the old set dies (step-up).
import { handler } from '@/lib/auth/guards';
import { regenerateRecoveryCodes } from '@/lib/auth/totp';
import { json } from '@/lib/http';
import type { z } from '@/lib/validation/zod';
import type { recoveryCodesSchema } from '@/lib/validation/strong-sign-in-responses';

export const POST = handler({ auth: 'required', fresh: true }, async (_request, { session, facts }) => {
  return json({ recoveryCodes: await regenerateRecoveryCodes({ userId: session.user.id, meta: facts.meta }) } satisfies z.output<typeof recoveryCodesSchema>);
});
