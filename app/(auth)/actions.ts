'use server';
// Server actions behind the sign-in, sign-up and sign-out forms. Thin: parse with the same zod
// schema as the JSON routes, call lib/auth, set cookies, redirect.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn, signUp } from '@/lib/auth/accounts';
import { actionContext } from '@/lib/auth/action-context';
import { clearedTokenCookies, cookieNames, tokenCookies } from '@/lib/auth/cookies';
import { safeNextPath } from '@/lib/auth/paths';
import { writeCookies } from '@/lib/auth/respond';
import { mfaCookie } from '@/lib/auth/second-step';
import { requireSession } from '@/lib/auth/session';
import { signOut, signOutEverywhere, type TokenPair } from '@/lib/auth/tokens';
import { AppError, isDatabaseUnavailable } from '@/lib/errors';
import { fieldErrors } from '@/lib/http';
import { loginSchema, signupSchema } from '@/lib/validation/auth';
import type { AuthFormState } from './form-state';

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

function failure(error: unknown, values: AuthFormState['values']): AuthFormState {
  if (error instanceof AppError) return { message: error.message, fields: error.fields, values };
  if (isDatabaseUnavailable(error)) {
    return { message: 'The service is temporarily unavailable. Please try again in a moment.', values };
  }
  throw error;
}

async function setSession(tokens: TokenPair, secure: boolean): Promise<void> {
  writeCookies(await cookies(), tokenCookies({ access: tokens.access.token, refresh: tokens.refresh.token }, secure));
}

export async function loginAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const values = { email: text(formData, 'email') };
  const next = safeNextPath(text(formData, 'next'));
  const parsed = loginSchema.safeParse({ email: values.email, password: text(formData, 'password') });
  if (!parsed.success) return { message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error), values };
  let secondStep = false;
  try {
    const context = await actionContext();
    const problem = context.originProblem('login');
    if (problem) throw problem;
    const result = await signIn(parsed.data, context.meta, 'browser');
    if (result.mfaRequired) {
      // No session yet: the second step finishes the sign-in.
      const { name, value, options } = mfaCookie(result.mfaCookie, context.secure);
      (await cookies()).set(name, value, options);
      secondStep = true;
    } else {
      await setSession(result.tokens, context.secure);
    }
  } catch (error) {
    return failure(error, values);
  }
  redirect(secondStep ? `/login/two-step?next=${encodeURIComponent(next)}` : next);
}

export async function signupAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const values = { email: text(formData, 'email'), name: text(formData, 'name') };
  const next = safeNextPath(text(formData, 'next'), '/account');
  const parsed = signupSchema.safeParse({ ...values, password: text(formData, 'password') });
  if (!parsed.success) return { message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error), values };
  try {
    const context = await actionContext();
    const problem = context.originProblem('login');
    if (problem) throw problem;
    const { tokens } = await signUp(parsed.data, context.meta);
    await setSession(tokens, context.secure);
  } catch (error) {
    return failure(error, values);
  }
  redirect(next);
}

export async function logoutAction(): Promise<void> {
  const context = await actionContext();
  if (context.originProblem('strict')) throw new AppError(403, 'forbidden_origin', 'Refused a cross-site sign-out.');
  const jar = await cookies();
  const names = cookieNames(context.secure);
  // The refresh cookie is scoped to /api/auth and is not sent here; the access token names the
  // family (sid), and revoking the family kills the refresh token as well.
  await signOut({ access: jar.get(names.access)?.value, refresh: jar.get(names.refresh)?.value }, context.meta);
  writeCookies(jar, clearedTokenCookies(context.secure));
  redirect('/');
}

export async function logoutEverywhereAction(): Promise<void> {
  const context = await actionContext();
  if (context.originProblem('strict')) throw new AppError(403, 'forbidden_origin', 'Refused a cross-site sign-out.');
  const session = await requireSession();
  await signOutEverywhere(session.user.id, context.meta);
  writeCookies(await cookies(), clearedTokenCookies(context.secure));
  redirect('/login?reason=signed_out_everywhere');
}
