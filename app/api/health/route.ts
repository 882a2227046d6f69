import { db } from '@/lib/db';
import { json, route } from '@/lib/http';

/** 200 when the app and its database answer; 503 (via route()) when the database does not. */
export const GET = route(async () => {
  const prisma = await db();
  await prisma.$queryRawUnsafe('SELECT 1');
  return json({ status: 'ok' });
});
