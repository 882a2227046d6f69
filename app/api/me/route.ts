import { requireSession } from '@/lib/auth/session';
import { json, route } from '@/lib/http';

export const GET = route(async (request) => {
  const { user } = await requireSession(request, { scope: 'profile:read' });
  return json({ user });
});
