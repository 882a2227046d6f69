// The token lifecycle that needs the database: issuing a pair, refresh rotation with reuse
// detection, sign-out, sign-out everywhere, and purging expired revocations.
// This is where revocations are written; lib/auth/session.ts is where they are read.
import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { isUniqueViolation, unauthorized } from '@/lib/errors';
import { signToken, tokenLifetime, verifyToken, type AuthMethod, type IssuedToken, type TokenClaims } from '../tokens';
import { recordAuditEvent } from '@/lib/audit';
import type { RequestMeta } from '../http';
import { isIssuedBefore } from '../tokens';
import { uuidv7 } from '../tokens';

export interface TokenPair {
  access: IssuedToken;
  refresh: IssuedToken;
}

/** How a sign-in happened: its `amr` (RFC 8176). */
export interface SignInFacts {
  amr: AuthMethod[];
}

/** The sign-in facts a family's tokens carry: when the interactive sign-in was, and how. */
export interface FamilyFacts {
  auth_time: number;
  amr: AuthMethod[];
}

/**
 * Signs an access and a refresh token for one sign-in (session family) `sid`. The refresh token
 * never outlives the sign-in's absolute end (AUTH_SESSION_MAX_AGE after auth_time).
 */
export async function issueTokenPair(userId: string, sid: string, nowMs = Date.now(), facts?: FamilyFacts): Promise<TokenPair> {
  const claims = facts ? { auth_time: facts.auth_time, amr: facts.amr } : {};
  const nowSeconds = Math.floor(nowMs / 1000);
  const untilCap = facts ? facts.auth_time + env().AUTH_SESSION_MAX_AGE - nowSeconds : Infinity;
  const refreshTtl = Math.max(1, Math.min(tokenLifetime('refresh'), untilCap));
  const [access, refresh] = await Promise.all([
    signToken('access', { sub: userId, sid, ...claims }, nowMs),
    signToken('refresh', { sub: userId, sid, ...claims, ttlSeconds: refreshTtl }, nowMs),
  ]);
  return { access, refresh };
}

/** A token's family facts; a token from before these claims reads as a password sign-in at iat. */
function factsOf(claims: TokenClaims): FamilyFacts {
  return { auth_time: claims.auth_time ?? claims.iat, amr: claims.amr ?? ['pwd'] };
}

/**
 * A new sign-in: a new session family, and its row for the user's list of devices. (The row is
 * written here and at each refresh, never read on the request path.)
 */
export async function startSession(
  userId: string,
  meta: RequestMeta | null = null,
  facts: SignInFacts = { amr: ['pwd'] },
  nowMs = Date.now(),
): Promise<TokenPair> {
  const sid = uuidv7(nowMs);
  const tokens = await issueTokenPair(userId, sid, nowMs, { auth_time: Math.floor(nowMs / 1000), amr: facts.amr });
  const prisma = await db();
  await prisma.session.create({
    data: {
      id: sid,
      userId,
      userAgent: meta?.userAgent ?? 'unknown',
      ipAddress: meta?.ipAddress ?? null,
      createdAt: new Date(nowMs),
      lastRefreshedAt: new Date(nowMs),
      expiresAt: new Date(tokens.refresh.claims.exp * 1000),
    },
  });
  return tokens;
}

/** Notes a refresh on the family's row (the "last active" a user sees). */
async function recordRefresh(sid: string, tokens: TokenPair, nowMs: number): Promise<void> {
  const prisma = await db();
  await prisma.session.updateMany({
    where: { id: sid },
    data: { lastRefreshedAt: new Date(nowMs), expiresAt: new Date(tokens.refresh.claims.exp * 1000) },
  });
}

/** How long a revoked family id must be kept: no token of the family outlives this. */
function familyExpiry(nowMs: number): Date {
  return new Date(nowMs + (tokenLifetime('refresh') + 60) * 1000);
}

/**
 * Revokes whole sign-ins (every token of each family) and marks their rows, in one transaction.
 * Used by sign-out, refresh-token reuse, "sign out this device / all others" and password change.
 */
export async function revokeFamilies(userId: string, sids: string[], reason: string, nowMs = Date.now()): Promise<void> {
  if (sids.length === 0) return;
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    for (const sid of sids) {
      await tx.revokedToken.upsert({
        where: { jti: sid },
        create: { jti: sid, userId, kind: 'session', reason, expiresAt: familyExpiry(nowMs) },
        update: {},
      });
    }
    await tx.session.updateMany({
      where: { id: { in: sids }, userId, revokedAt: null },
      data: { revokedAt: new Date(nowMs), revokedReason: reason },
    });
  });
}

export type RefreshOutcome =
  | { ok: true; tokens: TokenPair; userId: string }
  | { ok: false; reason: 'invalid' | 'expired' | 'revoked' | 'reuse' };

/**
 * Exchanges a refresh token for a new pair in the same family and revokes the old one.
 *
 * A refresh token is single-use. Presented again:
 * - within AUTH_REFRESH_GRACE seconds of its rotation, it gets another fresh pair: two tabs that
 *   refreshed at the same moment are not an attack;
 * - later, someone is replaying a stolen token: the whole family is revoked (reason `reuse`),
 *   which signs out both the thief and the victim, and the victim signs in again.
 */
export async function rotateRefreshToken(token: string, nowMs = Date.now()): Promise<RefreshOutcome> {
  const verified = await verifyToken('refresh', token, nowMs);
  if (!verified.ok) return { ok: false, reason: verified.reason === 'expired' ? 'expired' : 'invalid' };
  const claims = verified.claims;

  const prisma = await db();
  const user = await prisma.user.findUnique({
    where: { id: claims.sub },
    select: {
      id: true,
      tokensValidAfter: true,
      revokedTokens: { where: { jti: { in: [claims.jti, claims.sid] } }, select: { jti: true, reason: true, revokedAt: true } },
    },
  });
  if (!user) return { ok: false, reason: 'invalid' };
  if (isIssuedBefore(claims, user.tokensValidAfter)) return { ok: false, reason: 'revoked' };
  if (user.revokedTokens.some((row) => row.jti === claims.sid)) return { ok: false, reason: 'revoked' };
  // The sign-in's absolute end: however often it refreshed, the user signs in again.
  if (nowMs / 1000 > factsOf(claims).auth_time + env().AUTH_SESSION_MAX_AGE) {
    await revokeFamilies(user.id, [claims.sid], 'session_max_age', nowMs);
    return { ok: false, reason: 'expired' };
  }

  let previous = user.revokedTokens.find((row) => row.jti === claims.jti);
  if (!previous) {
    try {
      await prisma.revokedToken.create({
        data: { jti: claims.jti, userId: user.id, kind: 'refresh', reason: 'rotated', expiresAt: new Date(claims.exp * 1000) },
      });
      const tokens = await issueTokenPair(user.id, claims.sid, nowMs, factsOf(claims));
      await recordRefresh(claims.sid, tokens, nowMs);
      return { ok: true, tokens, userId: user.id };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another request rotated this token a moment ago: judge it as a second presentation.
      previous = (await prisma.revokedToken.findUnique({ where: { jti: claims.jti } })) ?? undefined;
      if (!previous) return { ok: false, reason: 'revoked' };
    }
  }
  return replayOutcome(user.id, claims, previous, nowMs);
}

async function replayOutcome(
  userId: string,
  claims: TokenClaims,
  previous: { reason: string; revokedAt: Date },
  nowMs: number,
): Promise<RefreshOutcome> {
  if (previous.reason !== 'rotated') return { ok: false, reason: 'revoked' };
  if (nowMs - previous.revokedAt.getTime() <= env().AUTH_REFRESH_GRACE * 1000) {
    const tokens = await issueTokenPair(userId, claims.sid, nowMs, factsOf(claims));
    await recordRefresh(claims.sid, tokens, nowMs);
    return { ok: true, tokens, userId };
  }
  await revokeFamilies(userId, [claims.sid], 'reuse', nowMs);
  await recordAuditEvent({ userId, type: 'refresh_reuse', detail: 'An old sign-in token was presented again; that sign-in was ended.' });
  return { ok: false, reason: 'reuse' };
}

/**
 * Step-up: a fresh auth_time (and the given amr) inside the SAME family, so the sign-in keeps its
 * place in the list of devices and its cap starts again from this interactive sign-in.
 */
export async function reauthenticate(input: { userId: string; sid: string; amr: AuthMethod[] }, nowMs = Date.now()): Promise<TokenPair> {
  const prisma = await db();
  const revoked = await prisma.revokedToken.findUnique({ where: { jti: input.sid }, select: { jti: true } });
  if (revoked) throw unauthorized('This sign-in has ended. Sign in again.');
  const tokens = await issueTokenPair(input.userId, input.sid, nowMs, { auth_time: Math.floor(nowMs / 1000), amr: input.amr });
  await recordRefresh(input.sid, tokens, nowMs);
  return tokens;
}

/** auth_time of a token in seconds; a token without it reads as its family's creation time. */
export async function authTimeOf(claims: TokenClaims): Promise<number> {
  if (claims.auth_time !== undefined) return claims.auth_time;
  const prisma = await db();
  const row = await prisma.session.findUnique({ where: { id: claims.sid }, select: { createdAt: true } });
  return row ? Math.floor(row.createdAt.getTime() / 1000) : claims.iat;
}

/**
 * Sign-out: revokes the access token's jti and the whole family, so the refresh token (and any
 * access token already handed to another tab) dies too. Either token is enough to find the family.
 */
export async function signOut(
  tokens: { access?: string; refresh?: string },
  meta: RequestMeta | null = null,
  nowMs = Date.now(),
): Promise<void> {
  const [access, refresh] = await Promise.all([
    tokens.access ? verifyToken('access', tokens.access, nowMs) : null,
    tokens.refresh ? verifyToken('refresh', tokens.refresh, nowMs) : null,
  ]);
  const family = access?.ok ? access.claims : refresh?.ok ? refresh.claims : null;
  if (!family) return;
  const prisma = await db();
  // Both writes in one transaction: either the sign-out happened or it did not.
  await prisma.$transaction(async (tx) => {
    if (access?.ok) {
      await tx.revokedToken.upsert({
        where: { jti: access.claims.jti },
        create: { jti: access.claims.jti, userId: family.sub, kind: 'access', reason: 'logout', expiresAt: new Date(access.claims.exp * 1000) },
        update: {},
      });
    }
    const user = await tx.user.findUnique({ where: { id: family.sub }, select: { id: true } });
    if (!user) return;
    await tx.revokedToken.upsert({
      where: { jti: family.sid },
      create: { jti: family.sid, userId: family.sub, kind: 'session', reason: 'logout', expiresAt: familyExpiry(nowMs) },
      update: {},
    });
    await tx.session.updateMany({ where: { id: family.sid, revokedAt: null }, data: { revokedAt: new Date(nowMs), revokedReason: 'logout' } });
    await tx.auditEvent.create({
      data: { userId: family.sub, type: 'sign_out', ipAddress: meta?.ipAddress ?? null, userAgent: meta?.userAgent ?? null },
    });
  });
}

/** Sign-out everywhere: every token issued up to this millisecond dies at the DAL. */
export async function signOutEverywhere(userId: string, meta: RequestMeta | null = null, nowMs = Date.now()): Promise<void> {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { tokensValidAfter: new Date(nowMs) } });
    await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date(nowMs), revokedReason: 'logout_all' } });
    await tx.auditEvent.create({
      data: { userId, type: 'sign_out_everywhere', ipAddress: meta?.ipAddress ?? null, userAgent: meta?.userAgent ?? null },
    });
  });
}

/** Deletes revocations whose tokens have expired anyway; the table holds only what is in force. */
export async function purgeExpiredRevocations(nowMs = Date.now()): Promise<number> {
  const prisma = await db();
  const { count } = await prisma.revokedToken.deleteMany({ where: { expiresAt: { lt: new Date(nowMs) } } });
  return count;
}

/** Deletes sign-in rows whose refresh tokens have all expired (nothing of them can come back). */
export async function purgeExpiredSessions(nowMs = Date.now()): Promise<number> {
  const prisma = await db();
  const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lt: new Date(nowMs) } } });
  return count;
}
