// The second step of sign-in for accounts with two-step sign-in on.
//
// After the right password, no session exists yet: the browser gets a short-lived signed `mfa`
// cookie naming the user and this attempt (an AuthChallenge row). Only a right code (or an unused
// recovery code) turns the attempt into a sign-in. Five wrong codes end the attempt; wrong codes
// are also counted per account across attempts (in the database, so every instance sees them),
// so starting new attempts does not buy more guesses. Each code takes its guess with a
// conditional update *before* it is checked, so parallel requests cannot beat either limit.
import 'server-only';
import { randomBytes, hkdfSync } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { recordAuditEvent } from '@/lib/audit';
import { db } from '@/lib/db';
import { durable } from '@/lib/db/durable';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { recoveryCodesLeft, restoreRecoveryCode, spendRecoveryCode } from './recovery-codes';
import type { RequestMeta } from './http';
import { rememberSignInBrowser, type KnownBrowser } from './browser-sign-in';
import { PasswordChangedDuringSignIn, passwordStillCurrent, startSession, type TokenPair } from './sign-ins';
import { consumeTotpCode } from './totp';
import { uuidv7, type AuthMethod } from './tokens';

export const MFA_TTL_SECONDS = 5 * 60;
export const MFA_MAX_ATTEMPTS = 5;
/** Wrong codes per account over ACCOUNT_WINDOW_SECONDS, across attempts. */
export const MFA_ACCOUNT_MAX_FAILURES = 20;
const ACCOUNT_WINDOW_SECONDS = 15 * 60;
const MFA_TYP = 'mfa+jwt';

export type SecondStepMethod = 'totp' | 'recovery';

export function mfaCookieName(secure: boolean): string {
  return secure ? '__Host-mfa' : 'mfa';
}

export function mfaCookie(value: string, secure: boolean, maxAge = MFA_TTL_SECONDS) {
  return { name: mfaCookieName(secure), value, options: { httpOnly: true as const, secure, sameSite: 'lax' as const, path: '/', maxAge } };
}

function cookieKey(): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', env().AUTH_SECRET, 'tokenshop-mfa', 'mfa-cookie', 32));
}

export const challengeEnded = () =>
  new AppError(401, 'mfa_challenge_ended', 'This sign-in attempt has ended. Sign in again with your password.');

export async function secondStepMethods(userId: string): Promise<SecondStepMethod[]> {
  return (await recoveryCodesLeft(userId)) > 0 ? ['totp', 'recovery'] : ['totp'];
}

/** What the first step was: the password, or a sign-in provider (the signed cookie says which). */
export type FirstFactor = 'pwd' | 'fed';

/**
 * Opens a second-step attempt for a user whose first step succeeded (the password, or a sign-in
 * provider's callback): the `mfa` cookie's value. A password first step passes the hash the
 * password was checked against: the attempt is opened only if that is still the account's hash
 * (checked in the same transaction; otherwise PasswordChangedDuringSignIn), and a reset or change
 * that commits later deletes it.
 */
export async function startSecondStep(
  userId: string,
  nowMs = Date.now(),
  first: FirstFactor = 'pwd',
  passwordHash?: string,
): Promise<{ cookie: string; methods: SecondStepMethod[] }> {
  const id = uuidv7(nowMs);
  await durable(async (tx) => {
    if (passwordHash !== undefined && !(await passwordStillCurrent(tx, userId, passwordHash))) throw new PasswordChangedDuringSignIn();
    await tx.authChallenge.create({
      data: { id, userId, purpose: 'mfa', challenge: randomBytes(32).toString('base64url'), expiresAt: new Date(nowMs + MFA_TTL_SECONDS * 1000) },
    });
  });
  const iat = Math.floor(nowMs / 1000);
  const cookie = await new SignJWT(first === 'pwd' ? {} : { first })
    .setProtectedHeader({ alg: 'HS256', typ: MFA_TYP })
    .setSubject(userId)
    .setJti(id)
    .setIssuedAt(iat)
    .setExpirationTime(iat + MFA_TTL_SECONDS)
    .sign(cookieKey());
  return { cookie, methods: await secondStepMethods(userId) };
}

/** The attempt the cookie names, if the cookie is genuine and the attempt still open (unexpired, guesses left). */
export async function openAttempt(cookie: string | undefined, nowMs = Date.now()): Promise<{ id: string; userId: string; first: FirstFactor } | null> {
  if (!cookie || cookie.length > 1024) return null;
  try {
    const { payload } = await jwtVerify(cookie, cookieKey(), { algorithms: ['HS256'], typ: MFA_TYP, currentDate: new Date(nowMs), requiredClaims: ['sub', 'jti', 'exp'] });
    const prisma = await db();
    const row = await prisma.authChallenge.findUnique({ where: { id: payload.jti! } });
    if (!row || row.purpose !== 'mfa' || row.userId !== payload.sub || row.expiresAt.getTime() <= nowMs) return null;
    // Its last guess taken: ended (the row stays until it expires, so its wrong codes still count).
    if (row.attempts >= MFA_MAX_ATTEMPTS) return null;
    return { id: row.id, userId: row.userId, first: payload.first === 'fed' ? 'fed' : 'pwd' };
  } catch {
    return null;
  }
}

const tooManyForAccount = () =>
  new AppError(429, 'too_many_attempts', 'Too many wrong codes for this account. Try again in 15 minutes.', undefined, {
    'Retry-After': String(ACCOUNT_WINDOW_SECONDS),
  });

/**
 * Takes one guess of the attempt before its code is checked: a single conditional update, so
 * parallel requests cannot all read "attempts left" before any of them is counted. Returns how
 * many guesses the attempt has had, this one included, or null when it has none left, has
 * expired or is gone (a parallel right code used it up): never an error from a missing row.
 */
async function reserveGuess(attemptId: string, nowMs: number): Promise<number | null> {
  const prisma = await db();
  const [row] = await prisma.authChallenge.updateManyAndReturn({
    where: { id: attemptId, purpose: 'mfa', attempts: { lt: MFA_MAX_ATTEMPTS }, expiresAt: { gt: new Date(nowMs) } },
    data: { attempts: { increment: 1 } },
    select: { attempts: true },
  });
  return row ? row.attempts : null;
}

/**
 * The per-account limit, applied after reserveGuess: the sum already holds this guess and every
 * guess committed before it, so however many requests race, at most MFA_ACCOUNT_MAX_FAILURES
 * codes are checked per window (a request that loses a race may be refused a little early,
 * never let through late). A refused guess is given back: it was not checked.
 */
async function assertAccountNotThrottled(userId: string, attemptId: string, nowMs: number): Promise<void> {
  const prisma = await db();
  const { _sum } = await prisma.authChallenge.aggregate({
    where: { userId, purpose: 'mfa', createdAt: { gte: new Date(nowMs - ACCOUNT_WINDOW_SECONDS * 1000) } },
    _sum: { attempts: true },
  });
  if ((_sum.attempts ?? 0) > MFA_ACCOUNT_MAX_FAILURES) {
    await prisma.authChallenge.updateMany({ where: { id: attemptId, attempts: { gt: 0 } }, data: { attempts: { decrement: 1 } } });
    throw tooManyForAccount();
  }
}

/**
 * Finishes a second-step attempt with a TOTP code or a recovery code. Every code first takes one
 * of the attempt's guesses (reserveGuess), then passes the account's limit, and only then is
 * checked. Right: the attempt is used up and the sign-in starts. Wrong: the guess stays counted;
 * the fifth ends the attempt.
 */
export async function completeSecondStep(input: {
  cookie: string | undefined;
  code?: string;
  recoveryCode?: string;
  meta: RequestMeta | null;
  /** A browser's second step: its `device` cookie's id (the sign-in then remembers the browser). */
  browser?: { browserId: string | null };
  nowMs?: number;
}): Promise<{ userId: string; tokens: TokenPair; browser?: KnownBrowser }> {
  const nowMs = input.nowMs ?? Date.now();
  const attempt = await openAttempt(input.cookie, nowMs);
  if (!attempt) throw challengeEnded();
  const guesses = await reserveGuess(attempt.id, nowMs);
  if (guesses === null) throw challengeEnded();
  await assertAccountNotThrottled(attempt.userId, attempt.id, nowMs);

  const { recoveryCode } = input;
  const recovery = recoveryCode !== undefined;
  const ok = recovery
    ? await spendRecoveryCode(attempt.userId, recoveryCode, nowMs)
    : input.code !== undefined && (await consumeTotpCode(attempt.userId, input.code, { nowMs }));
  const prisma = await db();
  if (!ok) {
    await recordAuditEvent({ userId: attempt.userId, type: 'second_step_failed' }, input.meta);
    // The last guess ends the attempt: reserveGuess refuses every later one. The row is kept until
    // it expires so that its wrong codes still count for the account (and a right code that took
    // an earlier guess in parallel still finishes).
    if (guesses >= MFA_MAX_ATTEMPTS) throw challengeEnded();
    const left = MFA_MAX_ATTEMPTS - guesses;
    const tries = ` ${left} more ${left === 1 ? 'try' : 'tries'} before this sign-in attempt ends.`;
    throw recovery
      ? new AppError(401, 'invalid_code', `That recovery code is not right or was already used.${tries}`, { recoveryCode: ['That recovery code is not right or was already used.'] })
      : new AppError(401, 'invalid_code', `That code is not right. Check your authenticator app and try again.${tries}`, { code: ['That code is not right.'] });
  }
  // A password attempt: the account's hash while the attempt still exists (the delete below proves
  // it did). A reset or change deletes the attempt with the old hash; one that commits after this
  // read is caught by startSession, which re-checks this hash in its transaction.
  const passwordHash = attempt.first === 'pwd'
    ? ((await prisma.user.findUnique({ where: { id: attempt.userId }, select: { passwordHash: true } }))?.passwordHash ?? null)
    : undefined;
  // Single use: only the request that deletes the attempt signs in.
  const { count } = passwordHash === null
    ? { count: 0 }
    : await prisma.authChallenge.deleteMany({ where: { id: attempt.id, expiresAt: { gt: new Date(nowMs) } } });
  if (count !== 1) {
    // Another right code finished this attempt first: a recovery code spent for nothing is given back.
    if (recovery) await restoreRecoveryCode(attempt.userId, recoveryCode, nowMs);
    throw challengeEnded();
  }
  const amr: AuthMethod[] = [attempt.first, 'otp', 'mfa'];
  const tokens = await startSession(attempt.userId, input.meta, { amr, ...(passwordHash ? { passwordHash } : {}) }, nowMs).catch((error: unknown) => {
    // The password this attempt was opened with was reset or changed a moment ago.
    throw error instanceof PasswordChangedDuringSignIn ? challengeEnded() : error;
  });
  await recordAuditEvent(
    { userId: attempt.userId, type: 'sign_in', detail: recovery ? 'With a recovery code' : 'With an authenticator code' },
    input.meta,
  );
  const browser = input.browser ? await rememberSignInBrowser({ userId: attempt.userId, browserId: input.browser.browserId, meta: input.meta }) : undefined;
  return { userId: attempt.userId, tokens, ...(browser ? { browser } : {}) };
}
