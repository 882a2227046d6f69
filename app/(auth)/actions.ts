'use server';
// Server actions behind the sign-in and sign-up forms. Thin: parse with the same zod schema as the
// JSON routes, call lib/auth, set cookies, redirect. (Sign-out is a plain form POST to
// /api/auth/logout, answered 303: a full page load, never a client-side navigation.)
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn, signUp, type BrowserSignIn, type SignedIn } from '@/lib/auth/accounts';
import { actionContext } from '@/lib/auth/action-context';
import { tokenCookies } from '@/lib/auth/cookies';
import { safeNextPath } from '@/lib/auth/paths';
import { writeCookies } from '@/lib/auth/respond';
import { deviceCookie, deviceCookieName, verifyDeviceCookie } from '@/lib/auth/devices';
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

/** The browser's id from its signed `device` cookie (null when it has none or a forged one). */
async function browserOf(secure: boolean): Promise<BrowserSignIn> {
  return { browserId: verifyDeviceCookie((await cookies()).get(deviceCookieName(secure))?.value) };
}

async function setSession(signedIn: SignedIn, secure: boolean): Promise<void> {
  const { tokens, browser } = signedIn;
  const jar = await cookies();
  writeCookies(jar, tokenCookies({ access: tokens.access.token, refresh: tokens.refresh.token }, secure));
  if (browser) writeCookies(jar, [deviceCookie(browser.browserId, secure)]);
}

export async function loginAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const values = { email: text(formData, 'email') };
  const next = safeNextPath(text(formData, 'next'));
  const parsed = loginSchema.safeParse({ email: values.email, password: text(formData, 'password') });
  if (!parsed.success) return { message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error), values };
  try {
    const context = await actionContext();
    const problem = context.originProblem('login');
    if (problem) throw problem;
    await setSession(await signIn(parsed.data, context.meta, await browserOf(context.secure)), context.secure);
  } catch (error) {
    return failure(error, values);
  }
  redirect(next);
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
    await setSession(await signUp(parsed.data, context.meta, await browserOf(context.secure)), context.secure);
  } catch (error) {
    return failure(error, values);
  }
  redirect(next);
}
