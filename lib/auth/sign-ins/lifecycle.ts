// The token lifecycle that needs the database: issuing a pair, refresh rotation with reuse
// detection (one live branch per family), step-up, sign-out, sign-out everywhere, and purging
// expired revocations. Every write here runs in a transaction of its own (lib/db/durable.ts).
// This is where revocations are written; lib/auth/session/dal.ts is where they are read.
import 'server-only';
import { db } from '@/lib/db';
import { durable, type DurableTx } from '@/lib/db/durable';
import { env } from '@/lib/env';
import { AppError, unauthorized } from '@/lib/errors';
import { isUniqueViolation } from '@/lib/db/errors';
import {
  AUTH_METHODS,
  API_SCOPES,
  isApiToken,
  isIssuedBefore,
  signToken,
  tokenLifetime,
  uuidv7,
  uuidv7Time,
  verifyToken,
  type AuthMethod,
  type IssuedToken,
  type TokenClaims,
} from '../tokens';
import { recordAuditEvent } from '@/lib/audit';
import type { RequestMeta } from '../http';
import { voidOneTimeTokens } from '../one-time-tokens';

export interface TokenPair {
  access: IssuedToken;
  refresh: IssuedToken;
}

/** How a sign-in was made, and (token endpoint only) the narrowed scope it asked for. */
export interface SignInFacts {
  amr: AuthMethod[];
  /** Space-separated known scopes: a narrowed sign-in (still a sign-in, not an API token). */
  scope?: string;
  /**
   * A password sign-in: the hash the password was checked against. The session starts only if it
   * is still the account's hash (startSession); passkey and provider sign-ins leave it out.
   */
  passwordHash?: string;
}

/**
 * Thrown by startSession (and startSecondStep) when the password a sign-in checked stopped being
 * the account's before the sign-in was written: a reset or change committed in between. Callers
 * answer it like a wrong password.
 */
export class PasswordChangedDuringSignIn extends Error {
  override name = 'PasswordChangedDuringSignIn';
  constructor() {
    super('The password changed while this sign-in was being made.');
  }
}

/**
 * Inside a transaction: whether `passwordHash` is still the user's hash, taking the user's row
 * lock. It is a conditional write of the same value (nothing changes), so on Postgres it waits for
 * a reset or change holding the row and then re-reads it (READ COMMITTED re-checks the condition
 * against the committed row); on SQLite the write serialises with every other transaction. Either
 * a password write committed first (false: no sign-in), or it comes after this transaction and
 * sees what it wrote (the reset and change list the live sign-ins after their own write).
 */
export async function passwordStillCurrent(tx: DurableTx, userId: string, passwordHash: string): Promise<boolean> {
  const { count } = await tx.user.updateMany({ where: { id: userId, passwordHash }, data: { passwordHash } });
  return count === 1;
}

const PASSWORD_SIGN_IN: SignInFacts = { amr: ['pwd'] };

/** What every token of a family carries, re-signed from the family's row at each rotation. */
interface FamilyState {
  /** Seconds. */
  authTime: number;
  amr: AuthMethod[];
  scope?: string;
}

/** The session's absolute end (seconds): AUTH_SESSION_MAX_AGE after the interactive sign-in. */
export function sessionEndsAt(authTime: number): number {
  return authTime + env().AUTH_SESSION_MAX_AGE;
}

// authTimeOf (a token's auth_time, API tokens never recent) lives with the claims in ../tokens,
// so the runtime-neutral step-up rule reads it too; it is re-exported here for the lifecycle's callers.
export { authTimeOf } from '../tokens';

/**
 * Signs an access and a refresh token for one sign-in (session family) `sid`, without the
 * sign-in facts: tokens shaped like those issued before auth_time and amr existed. The app signs
 * through startSession / rotateRefreshToken / reauthenticate; tests use this for old tokens.
 */
export async function issueTokenPair(userId: string, sid: string, nowMs = Date.now()): Promise<TokenPair> {
  const [access, refresh] = await Promise.all([
    signToken('access', { sub: userId, sid }, nowMs),
    signToken('refresh', { sub: userId, sid }, nowMs),
  ]);
  return { access, refresh };
}

type RecordedRefresh = { jti: string; iat: number; exp: number };

/** A pair carrying the family's facts; `refresh` re-signs a recorded refresh token unchanged. */
async function signPair(userId: string, sid: string, state: FamilyState, nowMs: number, refresh?: RecordedRefresh): Promise<TokenPair> {
  const common = { sub: userId, sid, auth_time: state.authTime, amr: state.amr, notAfter: sessionEndsAt(state.authTime) };
  const [accessToken, refreshToken] = await Promise.all([
    signToken('access', { ...common, ...(state.scope !== undefined ? { scope: state.scope } : {}) }, nowMs),
    signToken('refresh', { ...common, ...(refresh ? { exact: refresh } : {}) }, nowMs),
  ]);
  return { access: accessToken, refresh: refreshToken };
}

/** The row columns that record a family's live refresh token. */
function liveRefresh(tokens: TokenPair, previousJti: string | null) {
  const { jti, iat, exp } = tokens.refresh.claims;
  return {
    refreshJti: jti,
    refreshIssuedAt: new Date(iat * 1000),
    refreshExpiresAt: new Date(exp * 1000),
    previousRefreshJti: previousJti,
    expiresAt: new Date(exp * 1000),
  };
}

/**
 * A new sign-in: a new session family, and its row, which keeps the sign-in's facts (auth_time,
 * amr, a narrowed scope) and the family's live refresh token. (The row is written here, at each
 * rotation and at re-authentication, never read on the request path.) A password sign-in passes
 * the hash it verified (`facts.passwordHash`): the row is written only if that is still the
 * account's hash, in the same transaction (passwordStillCurrent); otherwise it throws
 * PasswordChangedDuringSignIn and nothing is written.
 */
export async function startSession(
  userId: string,
  meta: RequestMeta | null = null,
  facts: SignInFacts = PASSWORD_SIGN_IN,
  nowMs = Date.now(),
): Promise<TokenPair> {
  const sid = uuidv7(nowMs);
  const state: FamilyState = { authTime: Math.floor(nowMs / 1000), amr: facts.amr, ...(facts.scope ? { scope: facts.scope } : {}) };
  const tokens = await signPair(userId, sid, state, nowMs);
  await durable(async (tx) => {
    if (facts.passwordHash !== undefined && !(await passwordStillCurrent(tx, userId, facts.passwordHash))) {
      throw new PasswordChangedDuringSignIn();
    }
    await tx.session.create({
      data: {
        id: sid,
        userId,
        userAgent: meta?.userAgent ?? 'unknown',
        ipAddress: meta?.ipAddress ?? null,
        createdAt: new Date(nowMs),
        lastRefreshedAt: new Date(nowMs),
        ...familyColumns(state),
        scope: state.scope ?? null,
        ...liveRefresh(tokens, null),
      },
    });
  });
  return tokens;
}

type SessionRow = {
  createdAt: Date;
  revokedAt: Date | null;
  authTime: Date | null;
  amr: string | null;
  scope: string | null;
  refreshJti: string | null;
  refreshIssuedAt: Date | null;
  refreshExpiresAt: Date | null;
  previousRefreshJti: string | null;
};

/** The family's facts: from its row, else (rows and tokens from before they were recorded) the defaults. */
function familyState(row: SessionRow | null, claims: TokenClaims): FamilyState {
  const authTime = row?.authTime
    ? Math.floor(row.authTime.getTime() / 1000)
    : (claims.auth_time ?? Math.floor((row?.createdAt.getTime() ?? uuidv7Time(claims.sid) ?? claims.iat * 1000) / 1000));
  const amr = row?.amr ? (row.amr.split(' ').filter((m) => (AUTH_METHODS as readonly string[]).includes(m)) as AuthMethod[]) : (claims.amr ?? ['pwd']);
  return { authTime, amr, ...(row?.scope ? { scope: row.scope } : {}) };
}

/** The row columns that record a family's facts (what familyState reads back). */
function familyColumns(state: FamilyState): { authTime: Date; amr: string } {
  return { authTime: new Date(state.authTime * 1000), amr: state.amr.join(' ') };
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
  await durable((tx) => revokeFamiliesIn(tx, userId, sids, reason, nowMs));
}

/** revokeFamilies inside the caller's transaction (sign-out everywhere, password reset and change). */
export async function revokeFamiliesIn(tx: DurableTx, userId: string, sids: string[], reason: string, nowMs: number): Promise<void> {
  for (const sid of sids) {
    await tx.revokedToken.upsert({
      where: { jti: sid },
      create: { jti: sid, userId, kind: 'session', reason, expiresAt: familyExpiry(nowMs), revokedAt: new Date(nowMs) },
      update: { jti: sid }, // not `{}`: with an empty update Prisma reads, then inserts (two at once collide, P2002); this one is INSERT … ON CONFLICT
    });
  }
  await tx.session.updateMany({
    where: { id: { in: sids }, userId, revokedAt: null },
    data: { revokedAt: new Date(nowMs), revokedReason: reason },
  });
}

export type RefreshOutcome =
  | { ok: true; tokens: TokenPair; userId: string }
  | { ok: false; reason: 'invalid' | 'expired' | 'revoked' | 'reuse' };

/**
 * The scope a refresh token's sign-in was granted (normalised), or null when the token is not
 * good: every known scope for a sign-in that was not narrowed.
 */
export async function grantedScope(refreshToken: string, nowMs = Date.now()): Promise<string | null> {
  const verified = await verifyToken('refresh', refreshToken, nowMs);
  if (!verified.ok) return null;
  const prisma = await db();
  const row = await prisma.session.findFirst({ where: { id: verified.claims.sid, userId: verified.claims.sub }, select: { scope: true } });
  return row?.scope ?? [...API_SCOPES].sort().join(' ');
}

/** Thrown inside the rotation transaction to roll it back: this token is not the family's live one. */
class NotLiveBranch extends Error {}

/**
 * Exchanges a refresh token for a new pair in the same family and revokes the old one.
 *
 * One live branch per family. The family's row records its live refresh token; rotating it marks
 * the old jti `rotated` and records the successor in the same transaction, and only the recorded
 * live token may rotate. Presented again:
 * - within AUTH_REFRESH_GRACE seconds of its rotation, a rotated token gets THAT SAME successor
 *   (same jti, iat and exp, re-signed from the row) and a fresh access token: two tabs that
 *   refreshed at the same moment are not an attack, and a thief gains no branch of their own;
 * - later, someone is replaying a stolen token: the whole family is revoked (reason `reuse`),
 *   which signs out both the thief and the victim, and the victim signs in again.
 * The session never outlives AUTH_SESSION_MAX_AGE after its auth_time.
 */
export async function rotateRefreshToken(token: string, nowMs = Date.now()): Promise<RefreshOutcome> {
  const verified = await verifyToken('refresh', token, nowMs);
  if (!verified.ok) return { ok: false, reason: verified.reason === 'expired' ? 'expired' : 'invalid' };
  const claims = verified.claims;

  const prisma = await db();
  const [user, row] = await Promise.all([
    prisma.user.findUnique({
      where: { id: claims.sub },
      select: {
        id: true,
        tokensValidAfter: true,
        revokedTokens: { where: { jti: { in: [claims.jti, claims.sid] } }, select: { jti: true, reason: true, revokedAt: true } },
      },
    }),
    prisma.session.findFirst({ where: { id: claims.sid, userId: claims.sub } }),
  ]);
  if (!user) return { ok: false, reason: 'invalid' };
  if (isIssuedBefore(claims, user.tokensValidAfter)) return { ok: false, reason: 'revoked' };
  if (user.revokedTokens.some((r) => r.jti === claims.sid) || row?.revokedAt) return { ok: false, reason: 'revoked' };

  // Before any replay is judged: a sign-in past its absolute end is over, whichever tab asks (its
  // last refresh token still verifies for the clock tolerance after that end).
  const state = familyState(row, claims);
  if (nowMs / 1000 >= sessionEndsAt(state.authTime)) return { ok: false, reason: 'expired' };

  // Stryker disable next-line all: a shortcut. Missed, the same token is judged below: its rotated row makes the create fail as a race, which calls replayOutcome with that row
  const previous = user.revokedTokens.find((r) => r.jti === claims.jti);
  if (previous) return replayOutcome(user.id, claims, previous, nowMs);

  const tokens = await signPair(user.id, claims.sid, state, nowMs);
  try {
    await durable(async (tx) => {
      // The unique jti makes two rotations of one token race safely: the second one fails here.
      await tx.revokedToken.create({
        data: { jti: claims.jti, userId: user.id, kind: 'refresh', reason: 'rotated', expiresAt: new Date(claims.exp * 1000), revokedAt: new Date(nowMs) },
      });
      const record = { lastRefreshedAt: new Date(nowMs), ...liveRefresh(tokens, claims.jti) };
      if (!row) {
        // A family from before sign-in rows existed: give it one now, so the rules above apply.
        await tx.session.create({
          data: { id: claims.sid, userId: user.id, userAgent: 'unknown', createdAt: new Date(state.authTime * 1000), ...familyColumns(state), ...record },
        });
        return;
      }
      const { count } = await tx.session.updateMany({
        // Still live, and this token is the family's live one (or the row predates recording it).
        where: { id: claims.sid, userId: user.id, revokedAt: null, OR: [{ refreshJti: null }, { refreshJti: claims.jti }] },
        data: { ...record, ...familyColumns(state) },
      });
      if (count === 0) throw new NotLiveBranch();
    });
    return { ok: true, tokens, userId: user.id };
  } catch (error) {
    if (error instanceof NotLiveBranch) {
      // Ended between the read above and this transaction (its revokedAt: null refused): revoked.
      const now = await prisma.session.findFirst({ where: { id: claims.sid }, select: { revokedAt: true } });
      if (now?.revokedAt) return { ok: false, reason: 'revoked' };
      // A valid, never-rotated token that is not the family's live one: a second branch. End it.
      return endForReuse(user.id, claims.sid, nowMs);
    }
    if (!isUniqueViolation(error)) throw error;
    // Another request rotated this token a moment ago: judge it as a second presentation.
    const raced = await prisma.revokedToken.findUnique({ where: { jti: claims.jti } });
    if (!raced) return { ok: false, reason: 'revoked' };
    return replayOutcome(user.id, claims, raced, nowMs);
  }
}

async function replayOutcome(
  userId: string,
  claims: TokenClaims,
  previous: { reason: string; revokedAt: Date },
  nowMs: number,
): Promise<RefreshOutcome> {
  if (previous.reason !== 'rotated') return { ok: false, reason: 'revoked' };
  if (nowMs - previous.revokedAt.getTime() <= env().AUTH_REFRESH_GRACE * 1000) {
    const prisma = await db();
    const row = await prisma.session.findFirst({ where: { id: claims.sid, userId } });
    // Only the token that was rotated into the live one gets it again, and only while it lives.
    if (row && !row.revokedAt && row.previousRefreshJti === claims.jti && row.refreshJti && row.refreshIssuedAt && row.refreshExpiresAt) {
      const successor = { jti: row.refreshJti, iat: row.refreshIssuedAt.getTime() / 1000, exp: row.refreshExpiresAt.getTime() / 1000 };
      // Stryker disable next-line ConditionalExpression,EqualityOperator: inside the grace window the successor is seconds old; its exp (a refresh TTL on, or the sign-in's end, checked before) is ahead
      if (successor.exp > nowMs / 1000) {
        return { ok: true, tokens: await signPair(userId, claims.sid, familyState(row, claims), nowMs, successor), userId };
      }
    }
  }
  return endForReuse(userId, claims.sid, nowMs);
}

async function endForReuse(userId: string, sid: string, nowMs: number): Promise<RefreshOutcome> {
  await revokeFamilies(userId, [sid], 'reuse', nowMs);
  await recordAuditEvent({ userId, type: 'refresh_reuse', detail: 'An old sign-in token was presented again; that sign-in was ended.' });
  return { ok: false, reason: 'reuse' };
}

/**
 * Step-up: the user proved who they are again inside a live sign-in. The family keeps its sid and
 * gets a fresh auth_time (and the given amr); its live refresh token is rotated like a refresh
 * (the old one gets the new successor within the grace window, then counts as reuse).
 */
export async function reauthenticate(input: { userId: string; sid: string; amr: AuthMethod[] }, nowMs = Date.now()): Promise<TokenPair> {
  const prisma = await db();
  const row = await prisma.session.findFirst({ where: { id: input.sid, userId: input.userId } });
  const revoked = await prisma.revokedToken.findUnique({ where: { jti: input.sid }, select: { jti: true } });
  if (!row || row.revokedAt || revoked) throw unauthorized('This sign-in has ended. Sign in again.');
  const state: FamilyState = { authTime: Math.floor(nowMs / 1000), amr: input.amr, ...(row.scope ? { scope: row.scope } : {}) };
  const tokens = await signPair(input.userId, input.sid, state, nowMs);
  await durable(async (tx) => {
    if (row.refreshJti) {
      await tx.revokedToken.upsert({
        where: { jti: row.refreshJti },
        create: {
          jti: row.refreshJti,
          userId: input.userId,
          kind: 'refresh',
          reason: 'rotated',
          expiresAt: row.refreshExpiresAt ?? familyExpiry(nowMs),
          revokedAt: new Date(nowMs),
        },
        update: { jti: row.refreshJti },
      });
    }
    const { count } = await tx.session.updateMany({
      where: { id: input.sid, userId: input.userId, revokedAt: null, refreshJti: row.refreshJti },
      data: { lastRefreshedAt: new Date(nowMs), ...familyColumns(state), ...liveRefresh(tokens, row.refreshJti) },
    });
    if (count === 0) throw new AppError(409, 'conflict', 'This sign-in changed at the same moment. Try again.');
  });
  return tokens;
}

/**
 * Sign-out: revokes the access token's jti and the whole family, so the refresh token (and any
 * access token already handed to another tab) dies too. Either token is enough to find the family.
 * A personal API token presented as the access token is revoked like revokeApiToken does (its row
 * marked, `api_token_revoked` in the audit), so the account page no longer lists it as active.
 * Returns whether a token verified (its signature, type and lifetime; revocation is not checked
 * here: signing out twice is no error).
 */
export async function signOut(
  tokens: { access?: string; refresh?: string },
  meta: RequestMeta | null = null,
  nowMs = Date.now(),
): Promise<boolean> {
  const [access, refresh] = await Promise.all([
    tokens.access ? verifyToken('access', tokens.access, nowMs) : null,
    tokens.refresh ? verifyToken('refresh', tokens.refresh, nowMs) : null,
  ]);
  const family = access?.ok ? access.claims : refresh?.ok ? refresh.claims : null;
  if (!family) return false;
  // Both writes in one transaction: either the sign-out happened or it did not.
  await durable(async (tx) => {
    // A deleted account's tokens have nothing left to revoke (and no user row to hang it on).
    const user = await tx.user.findUnique({ where: { id: family.sub }, select: { id: true } });
    if (!user) return;
    if (access?.ok && isApiToken(access.claims)) {
      // An API token's sid is its row's id. Revoked for as long as the token lives (a family's
      // revocation is kept only for a refresh token's lifetime, far shorter than an API token's).
      const revoked = await revokeApiTokenIn(tx, { userId: family.sub, id: family.sid }, meta, nowMs);
      if (!revoked) {
        await tx.revokedToken.upsert({
          where: { jti: family.sid },
          create: { jti: family.sid, userId: family.sub, kind: 'api_token', reason: 'revoked', expiresAt: new Date(access.claims.exp * 1000), revokedAt: new Date(nowMs) },
          update: { jti: family.sid },
        });
      }
      return;
    }
    if (access?.ok) {
      await tx.revokedToken.upsert({
        where: { jti: access.claims.jti },
        create: { jti: access.claims.jti, userId: family.sub, kind: 'access', reason: 'logout', expiresAt: new Date(access.claims.exp * 1000) },
        update: { jti: access.claims.jti },
      });
    }
    await tx.revokedToken.upsert({
      where: { jti: family.sid },
      create: { jti: family.sid, userId: family.sub, kind: 'session', reason: 'logout', expiresAt: familyExpiry(nowMs) },
      update: { jti: family.sid },
    });
    await tx.session.updateMany({ where: { id: family.sid, revokedAt: null }, data: { revokedAt: new Date(nowMs), revokedReason: 'logout' } });
    await tx.auditEvent.create({
      data: { userId: family.sub, type: 'sign_out', ipAddress: meta?.ipAddress ?? null, userAgent: meta?.userAgent ?? null },
    });
  });
  return true;
}

/**
 * Sign-out with `Authorization: Bearer` (a program, which has no cookies): the value is tried as
 * an access token (a sign-in's or a personal API token), then as a refresh token, which must
 * verify (signature, type refresh+jwt, lifetime) and still be good: its account exists, it was
 * issued after tokensValidAfter, neither it nor its family is revoked, and its sign-in has not
 * ended. Returns false when neither verifies: nothing was revoked, and the caller says so (401).
 */
export async function signOutWithBearer(token: string, meta: RequestMeta | null = null, nowMs = Date.now()): Promise<boolean> {
  if ((await verifyToken('access', token, nowMs)).ok) return signOut({ access: token }, meta, nowMs);
  const refresh = await verifyToken('refresh', token, nowMs);
  if (!refresh.ok || !(await refreshTokenLive(refresh.claims))) return false;
  return signOut({ refresh: token }, meta, nowMs);
}

/** Whether a verified refresh token is still in force: the revocation checks rotateRefreshToken makes. */
async function refreshTokenLive(claims: TokenClaims): Promise<boolean> {
  const prisma = await db();
  const [user, row] = await Promise.all([
    prisma.user.findUnique({
      where: { id: claims.sub },
      select: { tokensValidAfter: true, revokedTokens: { where: { jti: { in: [claims.jti, claims.sid] } }, select: { jti: true } } },
    }),
    prisma.session.findFirst({ where: { id: claims.sid, userId: claims.sub }, select: { revokedAt: true } }),
  ]);
  if (!user || isIssuedBefore(claims, user.tokensValidAfter)) return false;
  return user.revokedTokens.length === 0 && !row?.revokedAt;
}

/**
 * Revokes one personal API token of the user inside the caller's transaction: its row is marked
 * (so /account and GET /api/account/tokens list it as revoked), its id is revoked until the token
 * expires (what the session check reads), and `api_token_revoked` goes to the audit trail. Returns
 * the row (unchanged if it was revoked already), or null when the user has no such token.
 */
export async function revokeApiTokenIn(
  tx: DurableTx,
  { userId, id }: { userId: string; id: string },
  meta: RequestMeta | null = null,
  nowMs = Date.now(),
): Promise<{ id: string; name: string } | null> {
  const row = await tx.apiToken.findFirst({ where: { id, userId } });
  if (!row) return null;
  if (row.revokedAt) return row;
  await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date(nowMs) } });
  await tx.revokedToken.upsert({
    where: { jti: id },
    create: { jti: id, userId, kind: 'api_token', reason: 'revoked', expiresAt: row.expiresAt, revokedAt: new Date(nowMs) },
    update: { jti: id },
  });
  await tx.auditEvent.create({
    data: { userId, type: 'api_token_revoked', detail: row.name, ipAddress: meta?.ipAddress ?? null, userAgent: meta?.userAgent ?? null },
  });
  return row;
}

/**
 * Sign-out everywhere: every token issued up to this millisecond dies at the DAL
 * (tokensValidAfter), and every live family and API token is revoked by id too, in the same
 * transaction: a refresh that read the user just before this commits cannot start tokens stamped
 * after it that survive (its family is revoked, and rotation re-checks the row inside its own
 * transaction). A pending change-of-address link dies too (whoever had a sign-in may have asked
 * for it). Returns how many sign-ins and API tokens ended.
 */
export async function signOutEverywhere(
  userId: string,
  meta: RequestMeta | null = null,
  nowMs = Date.now(),
): Promise<{ sessionsEnded: number; apiTokensRevoked: number }> {
  return durable(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { tokensValidAfter: new Date(nowMs) } });
    const sessionsEnded = await revokeLiveFamiliesIn(tx, userId, 'logout_all', nowMs);
    const apiTokensRevoked = await revokeApiTokensIn(tx, userId, 'logout_all', nowMs);
    await voidOneTimeTokens(tx, { userId, purpose: 'change_email' }, nowMs);
    await tx.auditEvent.create({
      data: { userId, type: 'sign_out_everywhere', ipAddress: meta?.ipAddress ?? null, userAgent: meta?.userAgent ?? null },
    });
    return { sessionsEnded, apiTokensRevoked };
  });
}

/**
 * Revokes by id, in the caller's transaction, every sign-in of the user not yet ended: all but
 * `except` (the caller's own), and with `unexpiredAt` only those still unexpired then. Returns
 * how many. Sign-out everywhere, "sign out the others", a password reset and a password change.
 */
export async function revokeLiveFamiliesIn(
  tx: DurableTx,
  userId: string,
  reason: string,
  nowMs: number,
  { except, unexpiredAt }: { except?: string; unexpiredAt?: Date } = {},
): Promise<number> {
  const live = await tx.session.findMany({
    where: { userId, revokedAt: null, ...(except ? { id: { not: except } } : {}), ...(unexpiredAt ? { expiresAt: { gt: unexpiredAt } } : {}) },
    select: { id: true },
  });
  await revokeFamiliesIn(tx, userId, live.map((row) => row.id), reason, nowMs);
  return live.length;
}

/** Revokes every live personal API token of the user (rows marked, ids revoked). Returns how many. */
export async function revokeApiTokensIn(tx: DurableTx, userId: string, reason: string, nowMs: number): Promise<number> {
  const live = await tx.apiToken.findMany({ where: { userId, revokedAt: null, expiresAt: { gt: new Date(nowMs) } }, select: { id: true, expiresAt: true } });
  for (const token of live) {
    await tx.revokedToken.upsert({
      where: { jti: token.id },
      create: { jti: token.id, userId, kind: 'api_token', reason, expiresAt: token.expiresAt, revokedAt: new Date(nowMs) },
      update: { jti: token.id },
    });
  }
  await tx.apiToken.updateMany({ where: { id: { in: live.map((t) => t.id) } }, data: { revokedAt: new Date(nowMs) } });
  return live.length;
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
