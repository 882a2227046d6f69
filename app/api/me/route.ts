import { handler } from '@/lib/auth/guards';
import { json } from '@/lib/http';
import type { z } from '@/lib/validation/zod';
import type { meSchema } from '@/lib/validation/responses';

export const GET = handler({ auth: 'required', scope: 'profile:read' }, async (_request, { session }) => json({ user: session.user } satisfies z.output<typeof meSchema>));
