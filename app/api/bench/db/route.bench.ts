// Bench-only (BENCH_ROUTES=1): a bare handler plus one database round trip.
import { db } from '@/lib/db';

export async function GET(): Promise<Response> {
  const prisma = await db();
  await prisma.$queryRawUnsafe('SELECT 1');
  return Response.json({ status: 'ok' });
}
