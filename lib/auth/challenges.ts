// Passkey challenges and second-step attempts are single-use and short-lived; the ones nobody
// used (a closed tab, an abandoned autofill) are deleted by the scheduled purge. An ended
// second-step attempt is kept a little longer, so its wrong codes count for the account's throttle.
import 'server-only';
import { db } from '@/lib/db';

/** Long enough for the per-account count of wrong second-step codes (15 minutes). */
const KEEP_AFTER_EXPIRY_MS = 15 * 60 * 1000;

export async function purgeExpiredChallenges(nowMs = Date.now()): Promise<number> {
  const prisma = await db();
  const { count } = await prisma.authChallenge.deleteMany({ where: { expiresAt: { lt: new Date(nowMs - KEEP_AFTER_EXPIRY_MS) } } });
  return count;
}
