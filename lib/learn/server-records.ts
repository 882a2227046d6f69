// What the server stores about the signed-in user, for /learn: plain objects, never the hash.
import 'server-only';
import { db } from '@/lib/db';

export interface ServerRecords {
  user: { id: string; email: string; name: string; tokensValidAfter: string; createdAt: string };
  revoked: { jti: string; kind: string; reason: string; expiresAt: string }[];
  sessions: { id: string; userAgent: string; createdAt: string; lastRefreshedAt: string; revokedAt: string | null }[];
}

const LIMIT = 20;

export async function getServerRecords({ userId, nowMs = Date.now() }: { userId: string; nowMs?: number }): Promise<ServerRecords | null> {
  const prisma = await db();
  const now = new Date(nowMs);
  const [user, revoked, sessions] = await Promise.all([
    prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, tokensValidAfter: true, createdAt: true } }),
    prisma.revokedToken.findMany({
      where: { userId, expiresAt: { gt: now } },
      orderBy: { revokedAt: 'desc' },
      take: LIMIT,
      select: { jti: true, kind: true, reason: true, expiresAt: true },
    }),
    prisma.session.findMany({
      where: { userId, expiresAt: { gt: now } },
      orderBy: { lastRefreshedAt: 'desc' },
      take: LIMIT,
      select: { id: true, userAgent: true, createdAt: true, lastRefreshedAt: true, revokedAt: true },
    }),
  ]);
  if (!user) return null;
  return {
    user: { ...user, tokensValidAfter: user.tokensValidAfter.toISOString(), createdAt: user.createdAt.toISOString() },
    revoked: revoked.map((row) => ({ ...row, expiresAt: row.expiresAt.toISOString() })),
    sessions: sessions.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      lastRefreshedAt: row.lastRefreshedAt.toISOString(),
      revokedAt: row.revokedAt?.toISOString() ?? null,
    })),
  };
}
