'use server';
// Server actions of /account: personal API tokens, sign-ins and the password. The declared guard
// checks the origin and the session; API tokens cannot reach these (actions accept no scope).
import { revalidatePath } from 'next/cache';
import { changePassword, hasPassword, setPassword } from '@/lib/auth/accounts';
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import { action, formAction } from '@/lib/auth/guards';
import { endOtherSessions, endSession } from '@/lib/auth/sign-ins';
import { AppError } from '@/lib/errors';
import type { FormState } from '@/lib/form-state';
import { fieldErrors } from '@/lib/http';
import { createApiTokenSchema } from '@/lib/validation/api-token';
import { changePasswordSchema, setPasswordSchema } from '@/lib/validation/auth';
import { unlinkProvider } from '@/lib/auth/oidc';
import { redirect } from 'next/navigation';
import { count, otherSignInsEnded } from '@/lib/format/words';
import { refusalsToNotice } from './refusals';

/** The new token is the `result`, shown once. */
export type CreateTokenState = FormState<{ name: string; scopes: string[]; ttlDays: string }, { name: string; token: string }>;

export const createApiTokenAction = formAction(
  {
    auth: 'required',
    fresh: true,
    reauthNext: '/account#api-tokens',
    values: (formData) => ({
      name: String(formData.get('name') ?? ''),
      scopes: formData.getAll('scopes').map(String),
      ttlDays: String(formData.get('ttlDays') ?? ''),
    }),
  },
  async (_formData, { session, values }): Promise<CreateTokenState> => {
    const parsed = createApiTokenSchema.safeParse(values);
    if (!parsed.success) return { status: 'error', message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error), values };
    const { token, apiToken } = await createApiToken({ userId: session.user.id, ...parsed.data });
    revalidatePath('/account');
    return { status: 'ok', result: { name: apiToken.name, token } };
  },
);

export const revokeApiTokenAction = refusalsToNotice(
  action({ auth: 'required' }, async ({ session }, formData: FormData): Promise<void> => {
    await revokeApiToken({ userId: session.user.id, id: String(formData.get('id') ?? '') });
  }),
);

// ── Security centre: sign-ins and password ────────────────────────────────────────────────────

export const endSessionAction = refusalsToNotice(
  action({ auth: 'required' }, async ({ session, meta }, formData: FormData): Promise<void> => {
    const sid = String(formData.get('sid') ?? '');
    if (sid === session.claims.sid) throw new AppError(400, 'invalid_request', 'Use "Sign out" to end this device’s sign-in.');
    await endSession({ userId: session.user.id, sid, meta });
  }),
);

export const endOtherSessionsAction = refusalsToNotice(
  action({ auth: 'required' }, async ({ session, meta }): Promise<void> => {
    await endOtherSessions({ userId: session.user.id, currentSid: session.claims.sid, meta });
  }),
);

export type ChangePasswordState = FormState;

export const changePasswordAction = formAction(
  { auth: 'required', fresh: true, reauthNext: '/account#password' },
  async (formData, guard): Promise<ChangePasswordState> => {
  // An account made through a sign-in provider has no current password: this form sets one.
  if (!(await hasPassword(guard.session.user.id))) return setPasswordAction({}, formData);
  const { session, meta } = guard;
  const parsed = changePasswordSchema.safeParse({
    currentPassword: String(formData.get('currentPassword') ?? ''),
    newPassword: String(formData.get('newPassword') ?? ''),
    signOutOthers: formData.get('signOutOthers') === 'on',
    revokeApiTokens: formData.get('revokeApiTokens') === 'on',
  });
  if (!parsed.success) return { status: 'error', message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error) };
  const { otherSessionsEnded, apiTokensRevoked } = await changePassword({ userId: session.user.id, currentSid: session.claims.sid, meta, ...parsed.data });
  revalidatePath('/account');
  const sessions = parsed.data.signOutOthers ? otherSignInsEnded(otherSessionsEnded) : 'Your other devices stay signed in.';
  const tokens = parsed.data.revokeApiTokens ? `${count(apiTokensRevoked, 'API token')} revoked.` : 'Your API tokens still work.';
  return { status: 'ok', message: `Password changed. ${sessions} ${tokens}` };
  },
);

/** "Set a password" for an account without one (no current password to check; step-up instead). */
const setPasswordAction = formAction({ auth: 'required', fresh: true, reauthNext: '/account#password' }, async (formData, { session, meta }): Promise<ChangePasswordState> => {
  const parsed = setPasswordSchema.safeParse({
    newPassword: String(formData.get('newPassword') ?? ''),
    signOutOthers: formData.get('signOutOthers') === 'on',
  });
  if (!parsed.success) return { status: 'error', message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error) };
  const { otherSessionsEnded } = await setPassword({ userId: session.user.id, currentSid: session.claims.sid, meta, ...parsed.data });
  revalidatePath('/account');
  return {
    status: 'ok',
    message: parsed.data.signOutOthers
      ? `Password set. ${otherSignInsEnded(otherSessionsEnded)}`
      : 'Password set. You can now sign in with your email and password too.',
  };
});

// ── Sign-in providers ─────────────────────────────────────────────────────────────────────────

/** Disconnect a provider (step-up: a sign-in that is not recent confirms first, then comes back). */
export const unlinkProviderAction = refusalsToNotice(action({ auth: 'required', fresh: true, reauthNext: '/account#providers' }, async ({ session, meta }, formData: FormData): Promise<void> => {
  try {
    await unlinkProvider({ userId: session.user.id, provider: String(formData.get('provider') ?? '').slice(0, 300), meta });
  } catch (error) {
    if (error instanceof AppError && error.status < 500) redirect(`/account?oidc_error=${error.code === 'last_sign_in_method' ? 'last_method' : 'not_linked'}#providers`);
    throw error;
  }
  revalidatePath('/account');
  redirect('/account?oidc=unlinked#providers');
}));
