// GET /api/account/sessions: the account's active sign-ins, this one marked `current`.
import { requireAccountSession } from '@/lib/auth/account-api';
import { listActiveSessions } from '@/lib/auth/sessions';
import { json, route } from '@/lib/http';

export const GET = route(async (request) => {
  const session = await requireAccountSession(request, { write: false });
  return json({ sessions: await listActiveSessions({ userId: session.user.id, currentSid: session.claims.sid }) });
});
