// DELETE /api/account/tokens/:id: revokes one personal API token.
import { revokeApiToken } from '@/lib/auth/api-tokens';
import { handler } from '@/lib/auth/guards';
import { notFound } from '@/lib/errors';
import { apiTokenIdSchema } from '@/lib/validation/api-token';

/** A sign-in token only (no scope: personal API tokens get 403). An id no token can have is 404, like an unknown one. */
export const DELETE = handler({ auth: 'required' }, async (_request, { session }, { params }: { params: Promise<{ id: string }> }) => {
  const id = apiTokenIdSchema.safeParse((await params).id);
  if (!id.success) throw notFound('No such API token.');
  await revokeApiToken({ userId: session.user.id, id: id.data });
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});
