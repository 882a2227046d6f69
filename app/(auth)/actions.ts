'use server';
// Server actions behind the sign-in and sign-up forms. Thin: the declared guard checks the origin
// (the looser login rule); the action parses with the same zod schema as the JSON routes, calls
// lib/auth, sets cookies (the pair and the known-browser `device` cookie) and redirects.
// (Sign-out is a plain form POST to /api/auth/logout, answered 303: a full page load, never a
// client-side navigation.)
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn, signUp, type BrowserSignIn, type SignedIn } from '@/lib/auth/accounts';
import { deviceCookie, deviceCookieName, verifyDeviceCookie } from '@/lib/auth/devices';
import { formAction, writeCookies } from '@/lib/auth/guards';
import { safeNextPath, tokenCookies } from '@/lib/auth/http';
import { mfaCookie } from '@/lib/auth/second-step';
import { WELCOME_COOKIE, WELCOME_MAX_AGE_SECONDS } from '@/lib/format/welcome';
import { fieldErrors } from '@/lib/http';
import { mergeGuestCartAfterSignIn } from '@/lib/shop/merge-at-sign-in';
import { loginSchema, signupSchema } from '@/lib/validation/auth';
import type { AuthFormState } from './form-state';

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/** The browser's id from its signed `device` cookie (null when it has none or a forged one). */
async function browserOf(secure: boolean): Promise<BrowserSignIn> {
  return { browserId: verifyDeviceCookie((await cookies()).get(deviceCookieName(secure))?.value) };
}

async function setSession(signedIn: SignedIn, secure: boolean): Promise<SignedIn> {
  const { tokens, browser } = signedIn;
  const jar = await cookies();
  writeCookies(jar, tokenCookies({ access: tokens.access.token, refresh: tokens.refresh.token }, secure));
  if (browser) writeCookies(jar, [deviceCookie(browser.browserId, secure)]);
  return signedIn;
}

export const loginAction = formAction(
  { auth: 'none', origin: 'login', values: (formData) => ({ email: text(formData, 'email') }) },
  async (formData, { values, meta, secure }): Promise<AuthFormState> => {
    const parsed = loginSchema.safeParse({ email: values.email, password: text(formData, 'password') });
    if (!parsed.success) return { status: 'error', message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error), values };
    const next = safeNextPath(text(formData, 'next'));
    const result = await signIn(parsed.data, meta, 'browser', await browserOf(secure));
    if (result.mfaRequired) {
      // No session yet: the second step finishes the sign-in (and merges the guest cart).
      const { name, value, options } = mfaCookie(result.mfaCookie, secure);
      (await cookies()).set(name, value, options);
      redirect(`/login/two-step?next=${encodeURIComponent(next)}`);
    }
    const { user } = await setSession(result, secure);
    await mergeGuestCartAfterSignIn(user.id);
    redirect(next);
  },
);

export const signupAction = formAction(
  { auth: 'none', origin: 'login', values: (formData) => ({ email: text(formData, 'email'), name: text(formData, 'name') }) },
  async (formData, { values, meta, secure }): Promise<AuthFormState> => {
    const parsed = signupSchema.safeParse({ ...values, password: text(formData, 'password') });
    if (!parsed.success) return { status: 'error', message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error), values };
    const { user } = await setSession(await signUp(parsed.data, meta, await browserOf(secure)), secure);
    await mergeGuestCartAfterSignIn(user.id);
    // A new user is welcomed where they were going (app/_components/welcome-notice.tsx), not sent to /account.
    (await cookies()).set(WELCOME_COOKIE, '1', { path: '/', maxAge: WELCOME_MAX_AGE_SECONDS, sameSite: 'lax', secure });
    redirect(safeNextPath(text(formData, 'next')));
  },
);
