import { handler } from '@/lib/auth/guards';
import { db } from '@/lib/db';
import { json } from '@/lib/http';

/** 200 when the app and its database answer; 503 (via the guard's error mapping) when the database does not. */
export const GET = handler({ auth: 'none' }, async () => {
  const prisma = await db();
  await prisma.$queryRawUnsafe('SELECT 1');
  return json({ status: 'ok' });
});
