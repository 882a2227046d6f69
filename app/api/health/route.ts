import { corsHeaders } from '@/lib/auth/cors';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { json, route } from '@/lib/http';

/**
 * 200 when the app and its database answer; 503 (via route()) when the database does not.
 * The middleware skips this route (its matcher): the CORS headers come from here.
 */
export const GET = route(async (request) => {
  const prisma = await db();
  await prisma.$queryRawUnsafe('SELECT 1');
  return json({ status: 'ok' }, { headers: corsHeaders(request.headers.get('origin'), env().CORS_ORIGINS) });
});
