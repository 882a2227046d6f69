// Two-step sign-in with an authenticator app: TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps,
// one step either side for clock drift), through the maintained `otpauth` library.
//
// Each code is accepted once: the factor remembers the last step a code was accepted for, and a
// conditional update moves it forward, so two requests racing with the same code cannot both win.
// The secret is stored encrypted (lib/auth/secret-box.ts). Turning two-step sign-in on or off
// ends the account's other sign-ins.
import 'server-only';
import { Secret, TOTP } from 'otpauth';
import { recordAuditEvent } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { replaceRecoveryCodes } from './recovery-codes';
import type { RequestMeta } from './http';
import { seal, unseal } from './secret-box';
import type { Session } from './session';
import { endOtherSessions } from './sign-ins';
import { requireRecentSignIn } from './step-up';

export const TOTP_ISSUER = 'Tokenshop';
const PERIOD = 30;
const DIGITS = 6;
const WINDOW = 1;
const SEAL_PURPOSE = 'totp-secret';

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label, algorithm: 'SHA1', digits: DIGITS, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

/** The 30-second step a code matches (±1), or null. */
export function matchingStep(secretBase32: string, code: string, nowMs: number = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32, 'check').validate({ token: code, timestamp: nowMs, window: WINDOW });
  if (delta === null) return null;
  return TOTP.counter({ period: PERIOD, timestamp: nowMs }) + delta;
}

export const invalidCode = () => new AppError(401, 'invalid_code', 'That code is not right. Check your authenticator app and try again.', { code: ['That code is not right.'] });

export interface TotpStatus {
  enabled: boolean;
  pending: boolean;
  recoveryCodesLeft: number;
}

export async function totpStatus(userId: string): Promise<TotpStatus> {
  const prisma = await db();
  const [factor, recoveryCodesLeft] = await Promise.all([
    prisma.totpFactor.findUnique({ where: { userId }, select: { confirmedAt: true } }),
    prisma.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { enabled: !!factor?.confirmedAt, pending: !!factor && !factor.confirmedAt, recoveryCodesLeft };
}

export async function hasTotp(userId: string): Promise<boolean> {
  return (await totpStatus(userId)).enabled;
}

/**
 * Starts turning two-step sign-in on: a new secret, stored encrypted but not yet active. It
 * becomes active only when a first code from the app confirms it (confirmTotp).
 */
export async function startTotp({ userId, email }: { userId: string; email: string }): Promise<{ secret: string; otpauthUri: string }> {
  const prisma = await db();
  const existing = await prisma.totpFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
  if (existing?.confirmedAt) throw new AppError(409, 'totp_already_enabled', 'Two-step sign-in is already on.');
  const secret = new Secret({ size: 20 }).base32;
  await prisma.totpFactor.upsert({
    where: { userId },
    create: { userId, secret: seal(secret, SEAL_PURPOSE) },
    update: { secret: seal(secret, SEAL_PURPOSE), lastStep: null, createdAt: new Date() },
  });
  return { secret, otpauthUri: totpFor(secret, email).toString() };
}

/**
 * The pending (not yet confirmed) secret and its otpauth URI, for the set-up page. Only for a
 * recent sign-in (403 reauth_required otherwise), as only a recent one may start the set-up
 * (startTotp is step-up): whoever copies the secret makes the codes once the owner confirms it, so
 * a stolen cookie that still refreshes must not read it while the owner sets up.
 */
export async function pendingTotp(session: Session): Promise<{ secret: string; otpauthUri: string } | null> {
  requireRecentSignIn(session);
  const prisma = await db();
  const factor = await prisma.totpFactor.findUnique({ where: { userId: session.user.id } });
  if (!factor || factor.confirmedAt) return null;
  const secret = unseal(factor.secret, SEAL_PURPOSE);
  return { secret, otpauthUri: totpFor(secret, session.user.email).toString() };
}

/**
 * Checks a code against the user's factor and uses it up. `pending` checks the not-yet-confirmed
 * factor (the confirmation code); otherwise only an active factor counts.
 */
export async function consumeTotpCode(userId: string, code: string, { pending = false, nowMs = Date.now() } = {}): Promise<boolean> {
  const prisma = await db();
  const factor = await prisma.totpFactor.findUnique({ where: { userId } });
  if (!factor || (pending ? factor.confirmedAt !== null : factor.confirmedAt === null)) return false;
  const step = matchingStep(unseal(factor.secret, SEAL_PURPOSE), code.trim(), nowMs);
  if (step === null) return false;
  const { count } = await prisma.totpFactor.updateMany({
    where: { userId, OR: [{ lastStep: null }, { lastStep: { lt: step } }] },
    data: { lastStep: step },
  });
  return count === 1;
}

/** Confirms the pending factor with a first code: two-step sign-in is on; 10 recovery codes. */
export async function confirmTotp(input: { userId: string; currentSid: string; code: string; meta: RequestMeta | null }): Promise<{ recoveryCodes: string[]; otherSessionsEnded: number }> {
  if (!(await consumeTotpCode(input.userId, input.code, { pending: true }))) throw invalidCode();
  const prisma = await db();
  const recoveryCodes = await prisma.$transaction(async (tx) => {
    await tx.totpFactor.update({ where: { userId: input.userId }, data: { confirmedAt: new Date() } });
    return replaceRecoveryCodes(tx, input.userId);
  });
  const otherSessionsEnded = await endOtherSessions({ userId: input.userId, currentSid: input.currentSid, reason: 'second_factor_changed', meta: input.meta });
  await recordAuditEvent({ userId: input.userId, type: 'totp_enabled', detail: `${otherSessionsEnded} other sign-in(s) ended` }, input.meta);
  return { recoveryCodes, otherSessionsEnded };
}

/** Turns two-step sign-in off: the secret and the recovery codes go; other sign-ins end. */
export async function disableTotp(input: { userId: string; currentSid: string; meta: RequestMeta | null }): Promise<{ otherSessionsEnded: number }> {
  const prisma = await db();
  const removed = await prisma.$transaction(async (tx) => {
    const { count } = await tx.totpFactor.deleteMany({ where: { userId: input.userId } });
    await tx.recoveryCode.deleteMany({ where: { userId: input.userId } });
    return count;
  });
  if (removed === 0) throw new AppError(409, 'totp_not_enabled', 'Two-step sign-in is not on.');
  const otherSessionsEnded = await endOtherSessions({ userId: input.userId, currentSid: input.currentSid, reason: 'second_factor_changed', meta: input.meta });
  await recordAuditEvent({ userId: input.userId, type: 'totp_disabled', detail: `${otherSessionsEnded} other sign-in(s) ended` }, input.meta);
  return { otherSessionsEnded };
}

/** A new set of recovery codes (two-step sign-in must be on); the old set dies. */
export async function regenerateRecoveryCodes(input: { userId: string; meta: RequestMeta | null }): Promise<string[]> {
  if (!(await hasTotp(input.userId))) throw new AppError(409, 'totp_not_enabled', 'Turn on two-step sign-in first.');
  const prisma = await db();
  const codes = await prisma.$transaction((tx) => replaceRecoveryCodes(tx, input.userId));
  await recordAuditEvent({ userId: input.userId, type: 'recovery_codes_created' }, input.meta);
  return codes;
}

/** Re-encrypts every stored TOTP secret from an old AUTH_SECRET to the current one. */
export async function resealTotpSecrets(previousSecret: string): Promise<{ resealed: number; alreadyCurrent: number }> {
  const prisma = await db();
  const factors = await prisma.totpFactor.findMany({ select: { userId: true, secret: true } });
  let resealed = 0;
  let alreadyCurrent = 0;
  for (const factor of factors) {
    try {
      unseal(factor.secret, SEAL_PURPOSE);
      alreadyCurrent++;
      continue;
    } catch {
      // sealed with the previous secret: re-seal below
    }
    const plain = unseal(factor.secret, SEAL_PURPOSE, previousSecret);
    await prisma.totpFactor.update({ where: { userId: factor.userId }, data: { secret: seal(plain, SEAL_PURPOSE) } });
    resealed++;
  }
  return { resealed, alreadyCurrent };
}
