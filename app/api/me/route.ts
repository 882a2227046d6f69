import { requireSession } from '@/lib/auth/session';
import { json, route } from '@/lib/http';

export const GET = route(async () => {
  const { user } = await requireSession();
  return json({ user });
});
