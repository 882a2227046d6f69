'use server';
// Server actions behind the sign-in, sign-up and sign-out forms. Thin: the declared guard checks
// the origin (sign-in and sign-up: the looser login rule) and the session; the action parses with
// the same zod schema as the JSON routes, calls lib/auth, sets cookies and redirects.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn, signUp } from '@/lib/auth/accounts';
import { action, formAction, writeCookies } from '@/lib/auth/guards';
import { clearedTokenCookies, cookieNames, safeNextPath, tokenCookies } from '@/lib/auth/http';
import { signOut, signOutEverywhere, type TokenPair } from '@/lib/auth/sign-ins';
import { mfaCookie } from '@/lib/auth/second-step';
import { fieldErrors } from '@/lib/http';
import { loginSchema, signupSchema } from '@/lib/validation/auth';
import type { AuthFormState } from './form-state';

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

async function setSession(tokens: TokenPair, secure: boolean): Promise<void> {
  writeCookies(await cookies(), tokenCookies({ access: tokens.access.token, refresh: tokens.refresh.token }, secure));
}

export const loginAction = formAction(
  { auth: 'none', origin: 'login', values: (formData) => ({ email: text(formData, 'email') }) },
  async (formData, { values, meta, secure }): Promise<AuthFormState> => {
    const parsed = loginSchema.safeParse({ email: values.email, password: text(formData, 'password') });
    if (!parsed.success) return { status: 'error', message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error), values };
    const next = safeNextPath(text(formData, 'next'));
    const result = await signIn(parsed.data, meta, 'browser');
    if (result.mfaRequired) {
      // No session yet: the second step finishes the sign-in.
      const { name, value, options } = mfaCookie(result.mfaCookie, secure);
      (await cookies()).set(name, value, options);
      redirect(`/login/two-step?next=${encodeURIComponent(next)}`);
    }
    await setSession(result.tokens, secure);
    redirect(next);
  },
);

export const signupAction = formAction(
  { auth: 'none', origin: 'login', values: (formData) => ({ email: text(formData, 'email'), name: text(formData, 'name') }) },
  async (formData, { values, meta, secure }): Promise<AuthFormState> => {
    const parsed = signupSchema.safeParse({ ...values, password: text(formData, 'password') });
    if (!parsed.success) return { status: 'error', message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error), values };
    const { tokens } = await signUp(parsed.data, meta);
    await setSession(tokens, secure);
    redirect(safeNextPath(text(formData, 'next'), '/account'));
  },
);

/** No session required: a lapsed access token still names its family, and the cookies go anyway. */
export const logoutAction = action({ auth: 'none' }, async ({ secure, meta }): Promise<void> => {
  const jar = await cookies();
  const names = cookieNames(secure);
  // The refresh cookie is scoped to /api/auth and is not sent here; the access token names the
  // family (sid), and revoking the family kills the refresh token as well.
  await signOut({ access: jar.get(names.access)?.value, refresh: jar.get(names.refresh)?.value }, meta);
  writeCookies(jar, clearedTokenCookies(secure));
  redirect('/');
});

export const logoutEverywhereAction = action({ auth: 'required' }, async ({ session, secure, meta }): Promise<void> => {
  await signOutEverywhere(session.user.id, meta);
  writeCookies(await cookies(), clearedTokenCookies(secure));
  redirect('/login?reason=signed_out_everywhere');
});
