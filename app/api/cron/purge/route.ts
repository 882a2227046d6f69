// GET /api/cron/purge: deletes revocations whose tokens have expired anyway (so the table holds
// only revocations still in force), sign-in rows that can no longer come back, audit events
// past their retention, used or expired one-time tokens, sent mail older than 30 days, guest
// carts idle for 30 days, browsers unused for a year and expired passkey challenges. Scheduled by Vercel Cron (vercel.json), which sends
// `Authorization: Bearer $CRON_SECRET`. Idempotent: running it twice deletes nothing more.
import { pruneAuditEvents } from '@/lib/audit';
import { purgeStaleDevices } from '@/lib/auth/devices';
import { purgeOneTimeTokens } from '@/lib/auth/one-time-tokens';
import { purgeExpiredChallenges } from '@/lib/auth/challenges';
import { handler } from '@/lib/auth/guards';
import { purgeExpiredRevocations, purgeExpiredSessions } from '@/lib/auth/sign-ins';
import { assertCronRequest } from '@/lib/cron-auth';
import { json } from '@/lib/http';
import { purgeIdleGuestCarts } from '@/lib/shop/cart';
import { purgeOldMail } from '@/lib/mail/outbox';
import type { z } from '@/lib/validation/zod';
import type { purgeReportSchema } from '@/lib/validation/responses';

/** No session: the scheduler authenticates with its own bearer secret (lib/cron-auth.ts). */
export const GET = handler({ auth: 'none' }, async (request) => {
  assertCronRequest(request);
  const revocationsDeleted = await purgeExpiredRevocations();
  const sessionsDeleted = await purgeExpiredSessions();
  const auditEventsDeleted = await pruneAuditEvents();
  const guestCartsDeleted = await purgeIdleGuestCarts();
  const oneTimeTokensDeleted = await purgeOneTimeTokens();
  const mailDeleted = await purgeOldMail();
  const devicesDeleted = await purgeStaleDevices();
  const challengesDeleted = await purgeExpiredChallenges();
  return json({ revocationsDeleted, sessionsDeleted, auditEventsDeleted, guestCartsDeleted, oneTimeTokensDeleted, mailDeleted, devicesDeleted, challengesDeleted } satisfies z.output<typeof purgeReportSchema>);
});
