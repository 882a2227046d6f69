// DELETE /api/account/sessions/:id: ends one other sign-in (this one ends with /api/auth/logout).
import { handler } from '@/lib/auth/guards';
import { endSession } from '@/lib/auth/sign-ins';
import { badRequest } from '@/lib/errors';

/** A sign-in token only (no scope: personal API tokens get 403). */
export const DELETE = handler({ auth: 'required' }, async (_request, { session, facts }, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (id === session.claims.sid) throw badRequest('Use POST /api/auth/logout to end this sign-in.');
  await endSession({ userId: session.user.id, sid: id, meta: facts.meta });
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});
