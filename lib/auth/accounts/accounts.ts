// Sign-up and sign-in: the two places a password is checked or stored.
import 'server-only';
import { afterResponse } from '@/lib/after-response';
import { recordAuditEvent } from '@/lib/audit';
import { db } from '@/lib/db';
import { durable } from '@/lib/db/durable';
import { AppError, isUniqueViolation } from '@/lib/errors';
import type { LoginInput, SignupInput } from '@/lib/validation/auth';
import { isKnownBrowser, rememberBrowser } from '../devices';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';
import { endOtherSessions, revokeApiTokensIn, startSession, type SignInFacts, type TokenPair } from '../sign-ins';
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

export interface SignedIn {
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

export const emailTaken = () =>
  new AppError(409, 'email_taken', 'An account with this email already exists. Sign in instead.', {
    email: ['An account with this email already exists.'],
  });

/** One answer for an unknown email and a wrong password: same status, body and time. */
export const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'The email or password is incorrect.');

export async function signUp(input: SignupInput, meta: RequestMeta, browser?: BrowserSignIn): Promise<SignedIn> {
  await consumeSignup(meta.ipAddress);
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await durable((tx) =>
      tx.user.create({
        // tokensValidAfter starts at the epoch: no "sign out everywhere" has happened yet. (The
        // database clock's now() could be ahead of ours and kill the first token.)
        data: { email: input.email, name: input.name, passwordHash, tokensValidAfter: new Date(0) },
        select: { id: true, email: true, name: true },
      }),
    );
    const tokens = await startSession(user.id, meta);
    const remembered = browser ? await rememberBrowser({ userId: user.id, browserId: browser.browserId }) : undefined;
    await recordAuditEvent({ userId: user.id, type: 'sign_in', detail: 'Account created' }, meta);
    return { user, tokens, ...(remembered ? { browser: remembered } : {}) };
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

export async function signIn(input: LoginInput, meta: RequestMeta, browser?: BrowserSignIn, facts?: SignInFacts): Promise<SignedIn> {
  const known = browser ? await isKnownBrowser(input.email, browser.browserId) : false;
  const attempt: LoginAttempt = { email: input.email, address: meta.ipAddress, knownBrowserId: known ? browser!.browserId : null };
  await assertLoginAllowed(attempt);
  const prisma = await db();
  const user = await prisma.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const passwordOk = user ? await verifyPassword(input.password, user.passwordHash) : await burnPasswordCheck(input.password);
  if (!user || !passwordOk) {
    // The owner sees failed attempts on their account; an unknown email leaves no trace. Written
    // after the answer, so that a known address is not slower to refuse than an unknown one.
    if (user) afterResponse(() => recordAuditEvent({ userId: user.id, type: 'sign_in_failed' }, meta));
    await recordLoginFailure(attempt);
    throw invalidCredentials();
  }
  await recordLoginSuccess(attempt);
  const tokens = await startSession(user.id, meta, facts);
  const remembered = browser ? await rememberBrowser({ userId: user.id, browserId: browser.browserId }) : undefined;
  await recordAuditEvent({ userId: user.id, type: 'sign_in' }, meta);
  return { user: { id: user.id, email: user.email, name: user.name }, tokens, ...(remembered ? { browser: remembered } : {}) };
}

export const wrongCurrentPassword = () =>
  new AppError(400, 'invalid_current_password', 'Your current password is not right.', {
    currentPassword: ['Your current password is not right.'],
  });

/**
 * Changes the password after checking the current one. With `signOutOthers` (the default) every
 * other sign-in of the account ends; this device stays signed in. With `revokeApiTokens` (the
 * default) every personal API token ends too: one may have been minted by whoever briefly had a
 * session. Wrong current passwords count per account and sign-in (not on the sign-in counters,
 * which an attacker elsewhere may have exhausted), so this form is no password oracle either.
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
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { email: true, passwordHash: true } });
  if (!user) throw invalidCredentials();
  const counterKey = `${input.userId}|${input.currentSid}`;
  await assertUnder('changePassword', counterKey);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await consumeAttempt('changePassword', counterKey);
    throw wrongCurrentPassword();
  }
  const passwordHash = await hashPassword(input.newPassword);
  const revokeApiTokens = input.revokeApiTokens ?? true;
  const apiTokensRevoked = await durable(async (tx) => {
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash } });
    return revokeApiTokens ? revokeApiTokensIn(tx, input.userId, 'password_changed', Date.now()) : 0;
  });
  const otherSessionsEnded = input.signOutOthers
    ? await endOtherSessions({ userId: input.userId, currentSid: input.currentSid, reason: 'password_changed', meta: input.meta })
    : 0;
  const notes = [
    input.signOutOthers ? `${otherSessionsEnded} other sign-in(s) ended` : 'Other devices stay signed in',
    revokeApiTokens ? `${apiTokensRevoked} API token(s) revoked` : 'API tokens kept',
  ];
  await recordAuditEvent({ userId: input.userId, type: 'password_changed', detail: notes.join('; ') }, input.meta);
  return { otherSessionsEnded, apiTokensRevoked };
}
