import { handler } from '@/lib/auth/guards';
import { corsHeaders } from '@/lib/auth/http';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { json } from '@/lib/http';
import type { z } from '@/lib/validation/zod';
import type { healthSchema } from '@/lib/validation/responses';

/**
 * 200 when the app and its database answer; 503 (via the guard's error mapping) when the database
 * does not. The middleware skips this route (its matcher): the CORS headers come from here.
 */
export const GET = handler({ auth: 'none' }, async (request) => {
  const prisma = await db();
  await prisma.$queryRawUnsafe('SELECT 1');
  return json({ status: 'ok' } satisfies z.output<typeof healthSchema>, { headers: corsHeaders(request.headers.get('origin'), env().CORS_ORIGINS) });
});
