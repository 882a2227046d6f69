// Sign-up and sign-in: the two places a password is checked or stored.
import 'server-only';
import { db } from '@/lib/db';
import { AppError, isUniqueViolation } from '@/lib/errors';
import type { LoginInput, SignupInput } from '@/lib/validation/auth';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';
import { assertLoginAllowed, consumeSignup, recordLoginFailure, recordLoginSuccess } from './rate-limit';
import type { SessionUser } from './session';
import { startSession, type TokenPair } from './tokens';

export interface SignedIn {
  user: SessionUser;
  tokens: TokenPair;
}

export const emailTaken = () =>
  new AppError(409, 'email_taken', 'An account with this email already exists. Sign in instead.', {
    email: ['An account with this email already exists.'],
  });

/** One answer for an unknown email and a wrong password: same status, body and time. */
export const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'The email or password is incorrect.');

export async function signUp(input: SignupInput, clientAddress: string | null): Promise<SignedIn> {
  await consumeSignup(clientAddress);
  const prisma = await db();
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await prisma.user.create({
      // tokensValidAfter starts at the epoch: no "sign out everywhere" has happened yet. (The
      // database clock's now() could be ahead of ours and kill the first token.)
      data: { email: input.email, name: input.name, passwordHash, tokensValidAfter: new Date(0) },
      select: { id: true, email: true, name: true },
    });
    return { user, tokens: await startSession(user.id) };
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

export async function signIn(input: LoginInput, clientAddress: string | null): Promise<SignedIn> {
  await assertLoginAllowed(input.email, clientAddress);
  const prisma = await db();
  const user = await prisma.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const passwordOk = user ? await verifyPassword(input.password, user.passwordHash) : await burnPasswordCheck(input.password);
  if (!user || !passwordOk) {
    await recordLoginFailure(input.email, clientAddress);
    throw invalidCredentials();
  }
  await recordLoginSuccess(input.email, clientAddress);
  return { user: { id: user.id, email: user.email, name: user.name }, tokens: await startSession(user.id) };
}
