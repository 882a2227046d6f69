import { handler } from '@/lib/auth/guards';
import { json } from '@/lib/http';

export const GET = handler({ auth: 'required', scope: 'profile:read' }, async (_request, { session }) => json({ user: session.user }));
