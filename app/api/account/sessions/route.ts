// GET /api/account/sessions: the account's active sign-ins, this one marked `current`.
import { handler } from '@/lib/auth/guards';
import { listActiveSessions } from '@/lib/auth/sign-ins';
import { json } from '@/lib/http';
import type { z } from '@/lib/validation/zod';
import type { sessionsSchema } from '@/lib/validation/account-responses';

/** A sign-in token only (no scope: personal API tokens get 403). */
export const GET = handler({ auth: 'required' }, async (_request, { session }) => {
  return json({ sessions: await listActiveSessions({ userId: session.user.id, currentSid: session.claims.sid }) } satisfies z.output<typeof sessionsSchema>);
});
