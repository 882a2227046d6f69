// DELETE /api/account/tokens/:id: revokes one personal API token.
import { requireAccountSession } from '@/lib/auth/account-api';
import { revokeApiToken } from '@/lib/auth/api-tokens';
import { route } from '@/lib/http';

export const DELETE = route(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const session = await requireAccountSession(request, { write: true });
  const { id } = await params;
  await revokeApiToken({ userId: session.user.id, id: id.slice(0, 100) });
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});
