// The scheduler's credential, checked by every cron route (purge, outbox): Vercel Cron sends
// `Authorization: Bearer $CRON_SECRET`, compared in constant time. Without CRON_SECRET the cron
// routes refuse everyone.
import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

export function assertCronRequest(request: Request): void {
  const secret = env().CRON_SECRET;
  const header = request.headers.get('authorization');
  const ok = (() => {
    if (!secret || !header) return false;
    const expected = Buffer.from(`Bearer ${secret}`);
    const given = Buffer.from(header);
    return given.length === expected.length && timingSafeEqual(given, expected);
  })();
  if (!ok) throw new AppError(401, 'unauthorized', 'This route is for the scheduler.', undefined, { 'WWW-Authenticate': 'Bearer' });
}
