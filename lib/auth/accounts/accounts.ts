// Sign-up and sign-in: the two places a password is checked or stored.
import 'server-only';
import { recordAuditEvent } from '@/lib/audit';
import { db } from '@/lib/db';
import { otherSignInsEnded } from '@/lib/format/words';
import { AppError, isUniqueViolation } from '@/lib/errors';
import type { LoginInput, SignupInput } from '@/lib/validation/auth';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';
import { endOtherSessions } from '../sign-ins';
import { assertLoginAllowed, consumeSignup, recordLoginFailure, recordLoginSuccess } from './rate-limit';
import type { RequestMeta } from '../http';
import type { SessionUser } from '../session';
import { startSession, type TokenPair } from '../sign-ins';

export interface SignedIn {
  user: SessionUser;
  tokens: TokenPair;
}

export const emailTaken = () =>
  new AppError(409, 'email_taken', 'An account with this email already exists: sign in instead.', {
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

export async function signIn(input: LoginInput, meta: RequestMeta): Promise<SignedIn> {
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
  const tokens = await startSession(user.id, meta);
  await recordAuditEvent({ userId: user.id, type: 'sign_in' }, meta);
  return { user: { id: user.id, email: user.email, name: user.name }, tokens };
}

export const wrongCurrentPassword = () =>
  new AppError(400, 'invalid_current_password', 'That is not your current password. Type it again.', {
    currentPassword: ['That is not your current password. Type it again.'],
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
    { userId: input.userId, type: 'password_changed', detail: input.signOutOthers ? otherSignInsEnded(otherSessionsEnded).replace(/\.$/, '') : 'Other devices stay signed in' },
    input.meta,
  );
  return { otherSessionsEnded };
}
