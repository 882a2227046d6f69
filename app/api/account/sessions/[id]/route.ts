// DELETE /api/account/sessions/:id: ends one other sign-in (this one ends with /api/auth/logout).
import { requireAccountSession } from '@/lib/auth/account-api';
import { requestFacts } from '@/lib/auth/respond';
import { endSession } from '@/lib/auth/sessions';
import { badRequest } from '@/lib/errors';
import { route } from '@/lib/http';

export const DELETE = route(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const session = await requireAccountSession(request, { write: true });
  const { id } = await params;
  if (id === session.claims.sid) throw badRequest('Use POST /api/auth/logout to end this sign-in.');
  await endSession({ userId: session.user.id, sid: id.slice(0, 100), meta: requestFacts(request).meta });
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});
