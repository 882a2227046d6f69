import { auth } from '@/auth';

export const GET = auth((request) => {
  if (!request.auth?.user) return Response.json({ error: 'unauthorized' }, { status: 401 });
  const { id, email, name } = request.auth.user;
  return Response.json({ user: { id, email, name } });
});
