// The account flows that go through the owner's mailbox: verify the address, reset a forgotten
// password, change the address. Each writes its one-time token and its mail in one transaction
// (the outbox, lib/mail/outbox.ts) and the mail leaves after the response.
//
// Enumeration: a reset request answers 202 before anything about the address is looked up (the
// route defers requestPasswordReset with afterResponse), so a known and an unknown address get
// the same answer in the same time. Throttling (per recipient and per client) silently drops
// extra mails; the answer stays 202.
import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { isUniqueViolation } from '@/lib/db/errors';
import type { Prisma } from '@/lib/generated/sqlite/client';
import { mailEnabled, mailUnavailable } from '@/lib/mail/config';
import { enqueuePasswordChangedNotice } from '@/lib/mail/notices';
import { deliverSoon, enqueueMail } from '@/lib/mail/outbox';
import { writeTransaction } from '@/lib/shop/transaction';
import { consumeOneTimeToken, issueOneTimeToken, peekOneTimeToken, voidOneTimeTokens } from './one-time-tokens';
import { assertUnder, consumeAttempt, consumeMailAllowance, endPendingSecondSteps, hashPassword, verifyPassword } from './accounts';
import type { RequestMeta } from './http';
import { revokeApiTokensIn, revokeLiveFamiliesIn } from './sign-ins';

type Tx = Prisma.TransactionClient;

export const invalidToken = () =>
  new AppError(400, 'invalid_token', 'This link is not valid any more: it was used already, it expired, or a newer one was sent. Ask for a new one.');

export const emailUnverified = () =>
  new AppError(403, 'email_unverified', 'Confirm your email address first: use the link we mailed you, or send a new one from your account page.');

/** Queues "confirm your address" (at sign-up and on request), inside the caller's transaction. */
export async function enqueueVerificationMail(tx: Tx, user: { id: string; email: string; name: string }, nowMs = Date.now()): Promise<void> {
  if (!mailEnabled()) return;
  const token = await issueOneTimeToken(tx, { userId: user.id, purpose: 'verify_email' }, nowMs);
  await enqueueMail(tx, { to: user.email, template: 'verify_email', data: { name: user.name }, secret: token }, nowMs);
}

/**
 * The new address a change of address waits on, if one is pending. (Whether the current address
 * is verified comes with the request's session check: SignedInUser.emailVerified.)
 */
export async function pendingEmailChange({ userId }: { userId: string }): Promise<string | null> {
  const prisma = await db();
  const change = await prisma.oneTimeToken.findFirst({
    where: { userId, purpose: 'change_email', usedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: 'desc' },
    select: { newEmail: true },
  });
  return change?.newEmail ?? null;
}

/** AUTH_REQUIRE_VERIFIED_EMAIL: throws 403 email_unverified when the account is not verified. */
export async function assertVerifiedIfRequired(tx: Tx | null, userId: string): Promise<void> {
  if (!env().AUTH_REQUIRE_VERIFIED_EMAIL) return;
  const client = tx ?? (await db());
  const user = await client.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  if (!user?.emailVerifiedAt) throw emailUnverified();
}

/**
 * The deferred half of "forgot password": runs after the 202 went out. Unknown addresses and
 * throttled requests end here without a trace.
 */
export async function requestPasswordReset(input: { email: string; meta: RequestMeta }, nowMs = Date.now()): Promise<void> {
  if (!(await consumeMailAllowance(input.email, input.meta.ipAddress))) return;
  await writeTransaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, name: true } });
    if (!user) return;
    const token = await issueOneTimeToken(tx, { userId: user.id, purpose: 'reset_password' }, nowMs);
    await enqueueMail(tx, { to: user.email, template: 'reset_password', data: { name: user.name }, secret: token }, nowMs);
  });
  deliverSoon();
}

/** Marks every live personal API token of the user revoked (rows + revocations the DAL reads). */
export async function revokeAllApiTokens(tx: Tx, userId: string, nowMs = Date.now()): Promise<number> {
  return revokeApiTokensIn(tx, userId, 'password_changed', nowMs);
}

export interface ResetOutcome {
  sessionsEnded: number;
  apiTokensRevoked: number;
}

/** Why the sign-in methods of an unproven account were removed, in its audit trail. */
const UNPROVEN_REMOVAL_NOTE = 'removed: the password reset was the first proof of the address';

/**
 * Pre-hijacking: before anyone proved the mailbox, whoever signed up with the address may have
 * added a passkey, connected a sign-in provider or turned on two-step sign-in, and their browsers
 * became known ones (no new-browser mail, their own sign-in counters). The reset proves the
 * mailbox for the first time, so none of those can be trusted: they go, inside the reset's
 * transaction, each recorded in the audit trail like its own removal. Returns what was removed,
 * in words, for the "password changed" mail.
 */
async function removeUnprovenSignInMethods(tx: Tx, userId: string, meta: RequestMeta): Promise<string[]> {
  const [passkeys, providers, totp] = await Promise.all([
    tx.passkey.findMany({ where: { userId }, select: { name: true } }),
    tx.account.findMany({ where: { userId }, select: { provider: true } }),
    tx.totpFactor.findUnique({ where: { userId }, select: { confirmedAt: true } }),
  ]);
  await tx.passkey.deleteMany({ where: { userId } });
  await tx.account.deleteMany({ where: { userId } });
  await tx.totpFactor.deleteMany({ where: { userId } });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.device.deleteMany({ where: { userId } });
  const events: { type: 'passkey_removed' | 'provider_unlinked' | 'totp_disabled'; detail: string }[] = [
    ...passkeys.map((p) => ({ type: 'passkey_removed' as const, detail: `${p.name} (${UNPROVEN_REMOVAL_NOTE})` })),
    ...providers.map((a) => ({ type: 'provider_unlinked' as const, detail: `${a.provider} (${UNPROVEN_REMOVAL_NOTE})` })),
    ...(totp?.confirmedAt ? [{ type: 'totp_disabled' as const, detail: `Two-step sign-in and its recovery codes ${UNPROVEN_REMOVAL_NOTE}` }] : []),
  ];
  for (const event of events) {
    await tx.auditEvent.create({
      data: { userId, type: event.type, detail: event.detail.slice(0, 200), ipAddress: meta.ipAddress, userAgent: meta.userAgent },
    });
  }
  return [
    ...passkeys.map((p) => `the passkey "${p.name}"`),
    ...providers.map((a) => `the sign-in with ${a.provider}`),
    ...(totp?.confirmedAt ? ['two-step sign-in and its recovery codes'] : []),
  ];
}

/**
 * Sets a new password from a reset link. Every sign-in and personal API token of the account
 * ends (tokensValidAfter moves to now, so even a token in flight dies, and every live sign-in is
 * revoked by id), a sign-in that checked the old password a moment before cannot start after
 * it (startSession), pending second steps end, pending reset and
 * change-of-address links die, the address counts as verified (the link proved the mailbox), and
 * the owner gets "your password was changed". When the address was not verified before, this
 * link is the first proof that the person owns it: the passkeys, linked providers, TOTP factor
 * and recovery codes (all addable by whoever signed up with the address) are removed too.
 */
export async function resetPassword(input: { token: string; password: string; meta: RequestMeta }, nowMs = Date.now()): Promise<ResetOutcome> {
  // Refuse a dead link before spending a bcrypt hash on it.
  if (!(await peekOneTimeToken({ token: input.token, purposes: ['reset_password'] }, nowMs))) throw invalidToken();
  const passwordHash = await hashPassword(input.password);
  const outcome = await writeTransaction(async (tx) => {
    const used = await consumeOneTimeToken(tx, { token: input.token, purposes: ['reset_password'] }, nowMs);
    if (!used) throw invalidToken();
    // The new hash first: the write holds the user's row until this commits, so a sign-in that
    // checked the old password either committed its session before (listed and revoked below) or
    // is refused (startSession re-checks the hash in its own transaction, behind this one).
    const user = await tx.user.update({ where: { id: used.userId }, data: { passwordHash }, select: { email: true, name: true, emailVerifiedAt: true } });
    // Now, taken while holding the row (not before the bcrypt above): every token of a sign-in
    // that committed first is older.
    const atMs = Math.max(nowMs, Date.now());
    const now = new Date(atMs);
    await tx.user.update({ where: { id: used.userId }, data: { tokensValidAfter: now, emailVerifiedAt: user.emailVerifiedAt ?? now } });
    // Revoked by id too (what the session check reads besides tokensValidAfter), like sign-out everywhere.
    const sessionsEnded = await revokeLiveFamiliesIn(tx, used.userId, 'password_reset', atMs, { unexpiredAt: now });
    await endPendingSecondSteps(tx, used.userId);
    const apiTokensRevoked = await revokeAllApiTokens(tx, used.userId, atMs);
    await voidOneTimeTokens(tx, { userId: used.userId, purpose: ['reset_password', 'change_email'] }, atMs);
    const removed = user.emailVerifiedAt ? [] : await removeUnprovenSignInMethods(tx, used.userId, input.meta);
    await enqueuePasswordChangedNotice(tx, { to: user.email, name: user.name, at: now, removed });
    await tx.auditEvent.create({
      data: {
        userId: used.userId,
        type: 'password_changed',
        detail: `Reset by email link; ${sessionsEnded} sign-in(s) and ${apiTokensRevoked} API token(s) ended`,
        ipAddress: input.meta.ipAddress,
        userAgent: input.meta.userAgent,
      },
    });
    return { sessionsEnded, apiTokensRevoked };
  });
  deliverSoon();
  return outcome;
}

/** "Resend": a new verification mail, unless the address is verified already (then nothing). */
export async function resendVerification(input: { userId: string; meta: RequestMeta }): Promise<void> {
  if (!mailEnabled()) throw mailUnavailable();
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, name: true, emailVerifiedAt: true } });
  if (!user || user.emailVerifiedAt) return;
  if (!(await consumeMailAllowance(user.email, input.meta.ipAddress))) return;
  await writeTransaction((tx) => enqueueVerificationMail(tx, user));
  deliverSoon();
}

export const wrongPasswordForChange = () =>
  new AppError(400, 'invalid_current_password', 'Your password is not right.', { password: ['Your password is not right.'] });

/**
 * Asks to move the account to `newEmail`: a confirmation link to the new address; nothing
 * changes until it is used. Needs the password (a stolen cookie alone cannot take the account);
 * wrong passwords count per account (RATE_LIMITS.changeEmail, 429 once over), so this form is no
 * password oracle. An address already taken gets no mail, and the answer is the same (no
 * enumeration).
 */
export async function requestEmailChange(input: { userId: string; newEmail: string; password: string; meta: RequestMeta }, nowMs = Date.now()): Promise<void> {
  if (!mailEnabled()) throw mailUnavailable();
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, name: true, passwordHash: true } });
  if (!user) throw wrongPasswordForChange();
  // An account created through a sign-in provider has no password: the step-up (a recent sign-in,
  // declared on the route and the action) is its proof instead.
  if (user.passwordHash !== null) {
    await assertUnder('changeEmail', user.id);
    if (!(await verifyPassword(input.password, user.passwordHash))) {
      await consumeAttempt('changeEmail', user.id);
      throw wrongPasswordForChange();
    }
  }
  if (input.newEmail === user.email) {
    throw new AppError(400, 'invalid_request', 'That is already your address.', { email: ['That is already your address.'] });
  }
  if (!(await consumeMailAllowance(input.newEmail, input.meta.ipAddress))) return;
  await writeTransaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { email: input.newEmail }, select: { id: true } });
    if (taken) return;
    const token = await issueOneTimeToken(tx, { userId: user.id, purpose: 'change_email', newEmail: input.newEmail }, nowMs);
    await enqueueMail(tx, { to: input.newEmail, template: 'confirm_new_email', data: { name: user.name, newEmail: input.newEmail }, secret: token }, nowMs);
  });
  deliverSoon();
}

export type ConfirmOutcome = { kind: 'verified'; email: string } | { kind: 'changed'; email: string };

/** Uses a verification or change-of-address link (POST only). */
export async function confirmEmailToken(input: { token: string }, nowMs = Date.now()): Promise<ConfirmOutcome> {
  try {
    const outcome = await writeTransaction(async (tx): Promise<ConfirmOutcome> => {
      const used = await consumeOneTimeToken(tx, { token: input.token, purposes: ['verify_email', 'change_email'] }, nowMs);
      if (!used) throw invalidToken();
      const now = new Date(nowMs);
      const user = await tx.user.findUniqueOrThrow({ where: { id: used.userId }, select: { email: true, name: true, emailVerifiedAt: true } });
      if (used.purpose === 'verify_email') {
        if (!user.emailVerifiedAt) await tx.user.update({ where: { id: used.userId }, data: { emailVerifiedAt: now } });
        return { kind: 'verified', email: user.email };
      }
      const newEmail = used.newEmail!;
      await tx.user.update({ where: { id: used.userId }, data: { email: newEmail, emailVerifiedAt: now } });
      // Links mailed to the old address (verify it, reset the password) must not outlive it.
      await voidOneTimeTokens(tx, { userId: used.userId, purpose: ['verify_email', 'reset_password'] }, nowMs);
      await enqueueMail(tx, { to: user.email, template: 'email_changed', data: { name: user.name, newEmail } }, nowMs);
      await tx.auditEvent.create({ data: { userId: used.userId, type: 'email_changed', detail: `${user.email} → ${newEmail}` } });
      return { kind: 'changed', email: newEmail };
    });
    deliverSoon();
    return outcome;
  } catch (error) {
    // Someone else took the address between the request and the confirmation.
    if (isUniqueViolation(error)) {
      throw new AppError(409, 'email_taken', 'That address now belongs to another account, so it cannot be moved to yours.');
    }
    throw error;
  }
}
