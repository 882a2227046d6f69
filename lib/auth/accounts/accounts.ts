// Sign-up and sign-in: the two places a password is checked or stored.
import 'server-only';
import { recordAuditEvent } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError, isUniqueViolation } from '@/lib/errors';
import type { LoginInput, SignupInput } from '@/lib/validation/auth';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';
import { endOtherSessions } from '../sign-ins';
import { assertLoginAllowed, consumeSignup, recordLoginFailure, recordLoginSuccess } from './rate-limit';
import type { RequestMeta } from '../http';
import type { SessionUser } from '../session';
import { startSecondStep, type SecondStepMethod } from '../second-step';
import { startSession, type TokenPair } from '../sign-ins';
import { hasTotp } from '../totp';

export interface SignedIn {
  mfaRequired?: false;
  user: SessionUser;
  tokens: TokenPair;
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
  new AppError(409, 'email_taken', 'An account with this email already exists. Sign in instead.', {
    email: ['An account with this email already exists.'],
  });

/** One answer for an unknown email and a wrong password: same status, body and time. */
export const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'The email or password is incorrect.');

export async function signUp(input: SignupInput, meta: RequestMeta): Promise<SignedIn> {
  await consumeSignup(meta.ipAddress);
  const prisma = await db();
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await prisma.user.create({
      // tokensValidAfter starts at the epoch: no "sign out everywhere" has happened yet. (The
      // database clock's now() could be ahead of ours and kill the first token.)
      data: { email: input.email, name: input.name, passwordHash, tokensValidAfter: new Date(0) },
      select: { id: true, email: true, name: true },
    });
    const tokens = await startSession(user.id, meta);
    await recordAuditEvent({ userId: user.id, type: 'sign_in', detail: 'Account created' }, meta);
    return { user, tokens };
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

/**
 * Checks the password. `browser` sign-ins of an account with two-step sign-in get a pending
 * second step instead of a session; `program` sign-ins (the token endpoint) of such an account
 * are refused.
 */
export async function signIn(input: LoginInput, meta: RequestMeta, channel: 'browser'): Promise<SignedIn | SecondStepRequired>;
export async function signIn(input: LoginInput, meta: RequestMeta, channel?: 'program'): Promise<SignedIn>;
export async function signIn(input: LoginInput, meta: RequestMeta, channel: 'browser' | 'program' = 'program'): Promise<SignedIn | SecondStepRequired> {
  const clientAddress = meta.ipAddress;
  await assertLoginAllowed(input.email, clientAddress);
  const prisma = await db();
  const user = await prisma.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const passwordOk = user ? await verifyPassword(input.password, user.passwordHash) : await burnPasswordCheck(input.password);
  if (!user || !passwordOk) {
    // The owner sees failed attempts on their account; an unknown email leaves no trace.
    if (user) await recordAuditEvent({ userId: user.id, type: 'sign_in_failed' }, meta);
    await recordLoginFailure(input.email, clientAddress);
    throw invalidCredentials();
  }
  await recordLoginSuccess(input.email, clientAddress);
  if (await hasTotp(user.id)) {
    if (channel === 'program') throw secondStepNotPossible();
    const { cookie, methods } = await startSecondStep(user.id);
    return { mfaRequired: true, mfaCookie: cookie, methods };
  }
  const tokens = await startSession(user.id, meta);
  await recordAuditEvent({ userId: user.id, type: 'sign_in' }, meta);
  return { user: { id: user.id, email: user.email, name: user.name }, tokens };
}

export const wrongCurrentPassword = () =>
  new AppError(400, 'invalid_current_password', 'Your current password is not right.', {
    currentPassword: ['Your current password is not right.'],
  });

/**
 * Changes the password after checking the current one. With `signOutOthers` (the default) every
 * other sign-in of the account ends; this device stays signed in. Failed checks count towards the
 * same throttle as sign-in, so this form cannot be used to guess the password either.
 */
export async function changePassword(input: {
  userId: string;
  currentSid: string;
  currentPassword: string;
  newPassword: string;
  signOutOthers: boolean;
  meta: RequestMeta;
}): Promise<{ otherSessionsEnded: number }> {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { email: true, passwordHash: true } });
  if (!user) throw invalidCredentials();
  await assertLoginAllowed(user.email, input.meta.ipAddress);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await recordLoginFailure(user.email, input.meta.ipAddress);
    throw wrongCurrentPassword();
  }
  const passwordHash = await hashPassword(input.newPassword);
  await prisma.user.update({ where: { id: input.userId }, data: { passwordHash } });
  const otherSessionsEnded = input.signOutOthers
    ? await endOtherSessions({ userId: input.userId, currentSid: input.currentSid, reason: 'password_changed', meta: input.meta })
    : 0;
  await recordAuditEvent(
    { userId: input.userId, type: 'password_changed', detail: input.signOutOthers ? `${otherSessionsEnded} other sign-in(s) ended` : 'Other devices stay signed in' },
    input.meta,
  );
  return { otherSessionsEnded };
}
