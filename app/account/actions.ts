'use server';
// Server actions of /account: personal API tokens, sign-ins and the password. The declared guard
// checks the origin and the session; API tokens cannot reach these (actions accept no scope).
import { revalidatePath } from 'next/cache';
import { changePassword } from '@/lib/auth/accounts';
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import { action, formAction } from '@/lib/auth/guards';
import { endOtherSessions, endSession } from '@/lib/auth/sign-ins';
import { AppError } from '@/lib/errors';
import type { FormState } from '@/lib/form-state';
import { fieldErrors } from '@/lib/http';
import { createApiTokenSchema } from '@/lib/validation/api-token';
import { changePasswordSchema } from '@/lib/validation/auth';

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

export const revokeApiTokenAction = action({ auth: 'required' }, async ({ session }, formData: FormData): Promise<void> => {
  await revokeApiToken({ userId: session.user.id, id: String(formData.get('id') ?? '') });
  revalidatePath('/account');
});

// ── Security centre: sign-ins and password ────────────────────────────────────────────────────

export const endSessionAction = action({ auth: 'required' }, async ({ session, meta }, formData: FormData): Promise<void> => {
  const sid = String(formData.get('sid') ?? '');
  if (sid === session.claims.sid) throw new AppError(400, 'invalid_request', 'Use "Sign out" to end this device’s sign-in.');
  await endSession({ userId: session.user.id, sid, meta });
  revalidatePath('/account');
});

export const endOtherSessionsAction = action({ auth: 'required' }, async ({ session, meta }): Promise<void> => {
  await endOtherSessions({ userId: session.user.id, currentSid: session.claims.sid, meta });
  revalidatePath('/account');
});

export type ChangePasswordState = FormState;

export const changePasswordAction = formAction(
  { auth: 'required', fresh: true, reauthNext: '/account#password' },
   async (formData, { session, meta }): Promise<ChangePasswordState> => {
  const parsed = changePasswordSchema.safeParse({
    currentPassword: String(formData.get('currentPassword') ?? ''),
    newPassword: String(formData.get('newPassword') ?? ''),
    signOutOthers: formData.get('signOutOthers') === 'on',
  });
  if (!parsed.success) return { status: 'error', message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error) };
  const { otherSessionsEnded } = await changePassword({ userId: session.user.id, currentSid: session.claims.sid, meta, ...parsed.data });
  revalidatePath('/account');
  return {
    status: 'ok',
    message: parsed.data.signOutOthers
      ? `Password changed. ${otherSessionsEnded} other sign-in(s) ended.`
      : 'Password changed. Your other devices stay signed in.',
  };
});
