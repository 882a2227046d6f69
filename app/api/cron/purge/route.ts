// GET /api/cron/purge: deletes revocations whose tokens have expired anyway (so the table holds
// only revocations still in force), sign-in rows that can no longer come back, and audit events
// past their retention. Scheduled by Vercel Cron (vercel.json), which sends
// `Authorization: Bearer $CRON_SECRET`. Idempotent: running it twice deletes nothing more.
import { timingSafeEqual } from 'node:crypto';
import { pruneAuditEvents } from '@/lib/audit';
import { purgeExpiredChallenges } from '@/lib/auth/challenges';
import { handler } from '@/lib/auth/guards';
import { purgeExpiredRevocations, purgeExpiredSessions } from '@/lib/auth/sign-ins';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { json } from '@/lib/http';

function authorised(header: string | null, secret: string | undefined): boolean {
  if (!secret || !header) return false;
  const expected = Buffer.from(`Bearer ${secret}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** No session: the scheduler authenticates with its own bearer secret, checked here. */
export const GET = handler({ auth: 'none' }, async (request) => {
  if (!authorised(request.headers.get('authorization'), env().CRON_SECRET)) {
    throw new AppError(401, 'unauthorized', 'This route is for the scheduler.', undefined, { 'WWW-Authenticate': 'Bearer' });
  }
  const revocationsDeleted = await purgeExpiredRevocations();
  const sessionsDeleted = await purgeExpiredSessions();
  const auditEventsDeleted = await pruneAuditEvents();
  const challengesDeleted = await purgeExpiredChallenges();
  return json({ revocationsDeleted, sessionsDeleted, auditEventsDeleted, challengesDeleted });
});
