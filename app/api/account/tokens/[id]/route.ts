// DELETE /api/account/tokens/:id: revokes one personal API token.
import { revokeApiToken } from '@/lib/auth/api-tokens';
import { handler } from '@/lib/auth/guards';

/** A sign-in token only (no scope: personal API tokens get 403). */
export const DELETE = handler({ auth: 'required' }, async (_request, { session }, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  await revokeApiToken({ userId: session.user.id, id: id.slice(0, 100) });
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});
