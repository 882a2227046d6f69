// The user's sign-ins (session families) for the security centre on /account: list them, end one,
// end all the others. The rows are written at sign-in and refresh (tokens.ts) and read only here,
// never on the request path.
import 'server-only';
import { recordAuditEvent } from '@/lib/audit';
import { db } from '@/lib/db';
import { otherSignInsEnded } from '@/lib/format/words';
import { notFound } from '@/lib/errors';
import { isPlainId } from '@/lib/validation/text';
import { describeUserAgent, type RequestMeta } from '../http';
import { durable } from '@/lib/db/durable';
import { revokeFamilies, revokeLiveFamiliesIn } from './lifecycle';
import type { SessionJson } from '@/lib/validation/account-responses';

/** A sign-in as GET /api/account/sessions answers it (its schema is in the OpenAPI document). */
export type SessionView = SessionJson;

/** Active sign-ins, most recently used first; `current` marks the one making this request. */
export async function listActiveSessions({ userId, currentSid, nowMs = Date.now() }: { userId: string; currentSid: string; nowMs?: number }): Promise<SessionView[]> {
  const prisma = await db();
  const [user, rows] = await Promise.all([
    prisma.user.findUnique({ where: { id: userId }, select: { tokensValidAfter: true } }),
    prisma.session.findMany({
      where: { userId, revokedAt: null, expiresAt: { gt: new Date(nowMs) } },
      orderBy: { lastRefreshedAt: 'desc' },
    }),
  ]);
  const validAfter = user?.tokensValidAfter.getTime() ?? 0;
  return rows
    .filter((row) => row.createdAt.getTime() > validAfter || row.id === currentSid)
    .map((row) => ({
      id: row.id,
      device: describeUserAgent(row.userAgent),
      userAgent: row.userAgent,
      ipAddress: row.ipAddress,
      createdAt: row.createdAt.toISOString(),
      lastRefreshedAt: row.lastRefreshedAt.toISOString(),
      current: row.id === currentSid,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Signs out one device: every token of that sign-in dies at the next request. */
export async function endSession({ userId, sid, meta }: { userId: string; sid: string; meta: RequestMeta | null }): Promise<void> {
  // An id no sign-in can have (a NUL, which Postgres refuses) is unknown, as any other.
  if (!isPlainId(sid, 100)) throw notFound('No such sign-in.');
  const prisma = await db();
  const row = await prisma.session.findFirst({ where: { id: sid, userId }, select: { id: true, userAgent: true } });
  if (!row) throw notFound('No such sign-in.');
  await revokeFamilies(userId, [sid], 'revoked');
  await recordAuditEvent({ userId, type: 'session_revoked', detail: describeUserAgent(row.userAgent) }, meta);
}

/** Signs out every device but this one. Returns how many sign-ins were ended. */
export async function endOtherSessions({ userId, currentSid, reason = 'revoked', meta }: { userId: string; currentSid: string; reason?: string; meta: RequestMeta | null }): Promise<number> {
  const ended = await durable((tx) => revokeLiveFamiliesIn(tx, userId, reason, Date.now(), { except: currentSid }));
  if (reason === 'revoked') {
    await recordAuditEvent({ userId, type: 'session_revoked', detail: otherSignInsEnded(ended).replace(/\.$/, '') }, meta);
  }
  return ended;
}
