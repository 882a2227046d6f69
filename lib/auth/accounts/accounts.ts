// Sign-up and sign-in: the two places a password is checked or stored.
import 'server-only';
import { afterResponse } from '@/lib/after-response';
import { recordAuditEvent } from '@/lib/audit';
import { db } from '@/lib/db';
import { otherSignInsEnded } from '@/lib/format/words';
import { durable, type DurableTx } from '@/lib/db/durable';
import { AppError } from '@/lib/errors';
import { isUniqueViolation } from '@/lib/db/errors';
import type { LoginInput, SignupInput } from '@/lib/validation/auth';
import { isKnownBrowser, rememberBrowser } from '../devices';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';
import { deliverSoon } from '@/lib/mail/outbox';
import { enqueuePasswordChangedNotice } from '@/lib/mail/notices';
import { enqueueVerificationMail } from '../email-flows';
import { voidOneTimeTokens } from '../one-time-tokens';
import {
  PasswordChangedDuringSignIn,
  revokeApiTokensIn,
  revokeLiveFamiliesIn,
  startSession,
  type SignInFacts,
  type TokenPair,
} from '../sign-ins';
import {
  assertLoginAllowed,
  assertUnder,
  consumeAttempt,
  consumeSignup,
  recordLoginFailure,
  recordLoginSuccess,
  type LoginAttempt,
} from './rate-limit';
import type { RequestMeta } from '../http';
import type { SessionUser } from '../session';
import { rememberSignInBrowser } from '../browser-sign-in';
import { startSecondStep, type SecondStepMethod } from '../second-step';
import { hasTotp } from '../totp';

export interface SignedIn {
  mfaRequired?: false;
  user: SessionUser;
  tokens: TokenPair;
  /** Browser sign-ins only: the browser's id for the `device` cookie, and whether it is new here. */
  browser?: { browserId: string; newForAccount: boolean };
}

/**
 * A sign-in from a browser carries the browser id of its verified `device` cookie (null when it
 * has none). Programs (the token endpoint) pass no browser: no known-browser counter, no cookie.
 */
export interface BrowserSignIn {
  browserId: string | null;
}

/** The password was right, but the account has two-step sign-in: no session yet. */
export interface SecondStepRequired {
  mfaRequired: true;
  /** The value of the signed `mfa` cookie that names this attempt. */
  mfaCookie: string;
  methods: SecondStepMethod[];
}

/** Programs cannot answer a second step: they use personal API tokens instead. */
export const secondStepNotPossible = () =>
  new AppError(
    400,
    'second_factor_required',
    'This account uses two-step sign-in, which a program cannot complete. Create a personal API token on your account page instead.',
  );

export const emailTaken = () =>
  new AppError(409, 'email_taken', 'An account with this email already exists: sign in instead.', {
    email: ['An account with this email already exists.'],
  });

/** One answer for an unknown email and a wrong password: same status, body and time. */
export const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'The email or password is incorrect.');

export async function signUp(input: SignupInput, meta: RequestMeta, browser?: BrowserSignIn): Promise<SignedIn> {
  await consumeSignup(meta.ipAddress);
  const passwordHash = await hashPassword(input.password);
  try {
    // The account and its "confirm your address" mail are written together (the outbox).
    const user = await durable(async (tx) => {
      const created = await tx.user.create({
        // tokensValidAfter starts at the epoch: no "sign out everywhere" has happened yet. (The
        // database clock's now() could be ahead of ours and kill the first token.)
        data: { email: input.email, name: input.name, passwordHash, tokensValidAfter: new Date(0) },
        select: { id: true, email: true, name: true },
      });
      await enqueueVerificationMail(tx, created);
      return created;
    });
    deliverSoon();
    // Like any password sign-in: only while this hash is the account's (a reset cannot have
    // happened yet, but the rule costs nothing here).
    const tokens = await startSession(user.id, meta, { amr: ['pwd'], passwordHash });
    const remembered = browser ? await rememberBrowser({ userId: user.id, browserId: browser.browserId }) : undefined;
    await recordAuditEvent({ userId: user.id, type: 'sign_in', detail: 'Account created' }, meta);
    return { user, tokens, ...(remembered ? { browser: remembered } : {}) };
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    if (error instanceof PasswordChangedDuringSignIn) throw invalidCredentials();
    throw error;
  }
}

/**
 * Checks the password. A `browser` sign-in carries the browser id of its verified `device` cookie
 * (the known-browser counter) and, for an account with two-step sign-in, gets a pending second
 * step instead of a session (the second step then finishes the sign-in: lib/auth/second-step.ts).
 * A `program` sign-in (the token endpoint) has no browser, may be narrowed by `facts`, and is
 * refused for an account with two-step sign-in.
 *
 * Two halves: checkPassword (bcrypt, outside any transaction) and finishPasswordSignIn, which
 * writes the session (or the pending second step) only if the hash the password was checked
 * against is still the account's, in the same transaction. A reset or change that commits in
 * between therefore refuses this sign-in (answered like a wrong password) instead of letting it
 * start a session after the reset has ended every other one.
 */
export async function signIn(input: LoginInput, meta: RequestMeta, channel: 'browser', browser: BrowserSignIn): Promise<SignedIn | SecondStepRequired>;
export async function signIn(input: LoginInput, meta: RequestMeta, channel?: 'program', browser?: undefined, facts?: SignInFacts): Promise<SignedIn>;
export async function signIn(
  input: LoginInput,
  meta: RequestMeta,
  channel: 'browser' | 'program' = 'program',
  browser?: BrowserSignIn,
  facts?: SignInFacts,
): Promise<SignedIn | SecondStepRequired> {
  const checked = await checkPassword(input, meta, channel === 'browser' ? (browser?.browserId ?? null) : null);
  return finishPasswordSignIn(checked, meta, channel, facts);
}

/** A password that was right when it was checked, and the hash it was checked against. */
export interface CheckedPassword {
  user: SessionUser;
  /** The hash the password verified against: the sign-in goes on only while it is the account's. */
  passwordHash: string;
  attempt: LoginAttempt;
  /** A browser sign-in's id from its `device` cookie (null for programs and browsers without one). */
  browserId: string | null;
}

/**
 * The first half of a password sign-in: the throttle, the account and bcrypt. Throws
 * invalid_credentials (one answer for an unknown email and a wrong password).
 */
export async function checkPassword(input: LoginInput, meta: RequestMeta, browserId: string | null): Promise<CheckedPassword> {
  const known = browserId ? await isKnownBrowser(input.email, browserId) : false;
  const attempt: LoginAttempt = { email: input.email, address: meta.ipAddress, knownBrowserId: known ? browserId : null };
  await assertLoginAllowed(attempt);
  const prisma = await db();
  const user = await prisma.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  // An account created through a sign-in provider may have no password: it answers like a wrong one.
  const passwordOk = user?.passwordHash ? await verifyPassword(input.password, user.passwordHash) : await burnPasswordCheck(input.password);
  if (!user?.passwordHash || !passwordOk) {
    // The owner sees failed attempts on their account; an unknown email leaves no trace. Written
    // after the answer, so that a known address is not slower to refuse than an unknown one.
    if (user) afterResponse(() => recordAuditEvent({ userId: user.id, type: 'sign_in_failed' }, meta));
    await recordLoginFailure(attempt);
    throw invalidCredentials();
  }
  await recordLoginSuccess(attempt);
  return { user: { id: user.id, email: user.email, name: user.name }, passwordHash: user.passwordHash, attempt, browserId };
}

/**
 * The second half: the session (or, with two-step sign-in on, the pending second step), written
 * only if `checked.passwordHash` is still the account's (startSession / startSecondStep check it
 * in their transaction). If a reset or change committed since the check, the answer is the one a
 * wrong password gets (and it counts like one).
 */
export async function finishPasswordSignIn(
  checked: CheckedPassword,
  meta: RequestMeta,
  channel: 'browser' | 'program',
  facts?: SignInFacts,
): Promise<SignedIn | SecondStepRequired> {
  const { user, passwordHash, attempt, browserId } = checked;
  try {
    if (await hasTotp(user.id)) {
      if (channel === 'program') throw secondStepNotPossible();
      const { cookie, methods } = await startSecondStep(user.id, Date.now(), 'pwd', passwordHash);
      return { mfaRequired: true, mfaCookie: cookie, methods };
    }
    const tokens = await startSession(user.id, meta, { ...(facts ?? { amr: ['pwd'] }), passwordHash });
    const remembered = channel === 'browser' ? await rememberSignInBrowser({ userId: user.id, browserId, meta }) : undefined;
    await recordAuditEvent({ userId: user.id, type: 'sign_in' }, meta);
    return { user, tokens, ...(remembered ? { browser: remembered } : {}) };
  } catch (error) {
    if (!(error instanceof PasswordChangedDuringSignIn)) throw error;
    afterResponse(() => recordAuditEvent({ userId: user.id, type: 'sign_in_failed' }, meta));
    await recordLoginFailure(attempt);
    throw invalidCredentials();
  }
}

export const wrongCurrentPassword = () =>
  new AppError(400, 'invalid_current_password', 'That is not your current password. Type it again.', {
    currentPassword: ['That is not your current password. Type it again.'],
  });

/**
 * Changes the password after checking the current one. With `signOutOthers` (the default) every
 * other sign-in of the account ends; this device stays signed in. With `revokeApiTokens` (the
 * default) every personal API token ends too: one may have been minted by whoever briefly had a
 * session. Older reset and change-of-address links stop working (a change of address asked for
 * by whoever knew the old password must not outlive it), and the owner gets "your password was
 * changed". Wrong current passwords count per account and sign-in (not on the sign-in counters,
 * which an attacker elsewhere may have exhausted), so this form is no password oracle either.
 *
 * One transaction: the new hash is written only over the hash the current password was checked
 * against (a reset that committed since then wins, and this answers "not your current password"),
 * and that write holds the user's row, so every sign-in made with the old password either
 * committed before it (its family is revoked here, by id) or is refused (startSession re-checks
 * the hash). Pending second steps, all opened with the old password or a provider, end with it.
 */
export async function changePassword(input: {
  userId: string;
  currentSid: string;
  currentPassword: string;
  newPassword: string;
  signOutOthers: boolean;
  revokeApiTokens?: boolean;
  meta: RequestMeta;
}): Promise<{ otherSessionsEnded: number; apiTokensRevoked: number }> {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { email: true, name: true, passwordHash: true } });
  if (!user) throw invalidCredentials();
  if (!user.passwordHash) throw new AppError(409, 'no_password', 'This account has no password yet: set one instead.');
  const counterKey = `${input.userId}|${input.currentSid}`;
  await assertUnder('signedInPassword', counterKey);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await consumeAttempt('signedInPassword', counterKey);
    throw wrongCurrentPassword();
  }
  const verified = user.passwordHash;
  const passwordHash = await hashPassword(input.newPassword);
  const revokeApiTokens = input.revokeApiTokens ?? true;
  const { apiTokensRevoked, otherSessionsEnded } = await durable(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: input.userId, passwordHash: verified }, data: { passwordHash } });
    if (count === 0) throw wrongCurrentPassword();
    // Taken once this transaction holds the user's row: later than any sign-in that committed first.
    const nowMs = Date.now();
    await voidOneTimeTokens(tx, { userId: input.userId, purpose: ['reset_password', 'change_email'] }, nowMs);
    await endPendingSecondSteps(tx, input.userId);
    const ended = input.signOutOthers ? await revokeLiveFamiliesIn(tx, input.userId, 'password_changed', nowMs, { except: input.currentSid }) : 0;
    await enqueuePasswordChangedNotice(tx, { to: user.email, name: user.name, at: new Date(nowMs) });
    return { otherSessionsEnded: ended, apiTokensRevoked: revokeApiTokens ? await revokeApiTokensIn(tx, input.userId, 'password_changed', nowMs) : 0 };
  });
  deliverSoon();
  const notes = [
    input.signOutOthers ? otherSignInsEnded(otherSessionsEnded).replace(/\.$/, '') : 'Other devices stay signed in',
    revokeApiTokens ? `${apiTokensRevoked} API token(s) revoked` : 'API tokens kept',
  ];
  await recordAuditEvent({ userId: input.userId, type: 'password_changed', detail: notes.join('; ') }, input.meta);
  return { otherSessionsEnded, apiTokensRevoked };
}

/**
 * Ends the user's pending second steps (`mfa` attempts): each was opened with a first step (the
 * password, or a provider) that the new password supersedes. Their rows go, so their cookies name
 * nothing.
 */
export async function endPendingSecondSteps(tx: DurableTx, userId: string): Promise<void> {
  await tx.authChallenge.deleteMany({ where: { userId, purpose: 'mfa' } });
}

/**
 * Gives a password to an account that has none (one created through a sign-in provider). There
 * is no current password to check; the caller is the signed-in owner. The write is conditional,
 * so two requests racing cannot overwrite a password that was set in between. Pending reset and
 * change-of-address links stop working, as with a change; the other sign-ins (with
 * `signOutOthers`) and pending second steps end in the same transaction.
 */
export async function setPassword(input: {
  userId: string;
  currentSid: string;
  newPassword: string;
  signOutOthers: boolean;
  meta: RequestMeta;
}): Promise<{ otherSessionsEnded: number }> {
  const passwordHash = await hashPassword(input.newPassword);
  const otherSessionsEnded = await durable(async (tx) => {
    const { count: set } = await tx.user.updateMany({ where: { id: input.userId, passwordHash: null }, data: { passwordHash } });
    if (set === 0) return null;
    const nowMs = Date.now();
    await voidOneTimeTokens(tx, { userId: input.userId, purpose: ['reset_password', 'change_email'] }, nowMs);
    await endPendingSecondSteps(tx, input.userId);
    return input.signOutOthers ? revokeLiveFamiliesIn(tx, input.userId, 'password_changed', nowMs, { except: input.currentSid }) : 0;
  });
  if (otherSessionsEnded === null) throw new AppError(409, 'password_exists', 'This account already has a password: change it with the current one.');
  await recordAuditEvent({ userId: input.userId, type: 'password_changed', detail: 'Password set' }, input.meta);
  return { otherSessionsEnded };
}

/** Whether the account can sign in with a password (false for one made through a provider). */
export async function hasPassword(userId: string): Promise<boolean> {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return Boolean(user?.passwordHash);
}
