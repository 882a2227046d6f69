'use server';
// Server actions of /account: personal API tokens. Each checks the origin and the session itself;
// API tokens cannot reach these (requireSession without a scope refuses them).
import { revalidatePath } from 'next/cache';
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import { actionContext } from '@/lib/auth/action-context';
import { requireSession } from '@/lib/auth/session';
import { AppError, isDatabaseUnavailable, type FieldErrors } from '@/lib/errors';
import { fieldErrors } from '@/lib/http';
import { createApiTokenSchema } from '@/lib/validation/api-token';
import { changePasswordSchema, setPasswordSchema } from '@/lib/validation/auth';
import { changePassword, hasPassword, setPassword } from '@/lib/auth/accounts';
import { unlinkProvider } from '@/lib/auth/oidc';
import { redirect } from 'next/navigation';
import { endOtherSessions, endSession } from '@/lib/auth/sessions';

export interface CreateTokenState {
  message?: string;
  fields?: FieldErrors;
  /** The new token, shown once. */
  created?: { name: string; token: string };
  values?: { name?: string; scopes?: string[]; ttlDays?: string };
}

async function guard(): Promise<string> {
  const problem = (await actionContext()).originProblem('strict');
  if (problem) throw problem;
  return (await requireSession()).user.id;
}

export async function createApiTokenAction(_previous: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const values = {
    name: String(formData.get('name') ?? ''),
    scopes: formData.getAll('scopes').map(String),
    ttlDays: String(formData.get('ttlDays') ?? ''),
  };
  const parsed = createApiTokenSchema.safeParse(values);
  if (!parsed.success) return { message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error), values };
  try {
    const userId = await guard();
    const { token, apiToken } = await createApiToken({ userId, ...parsed.data });
    revalidatePath('/account');
    return { created: { name: apiToken.name, token } };
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, values };
    if (isDatabaseUnavailable(error)) return { message: 'The service is temporarily unavailable.', values };
    throw error;
  }
}

export async function revokeApiTokenAction(formData: FormData): Promise<void> {
  const userId = await guard();
  await revokeApiToken({ userId, id: String(formData.get('id') ?? '') });
  revalidatePath('/account');
}

// ── Security centre: sign-ins and password ────────────────────────────────────────────────────

async function guardSession() {
  const context = await actionContext();
  const problem = context.originProblem('strict');
  if (problem) throw problem;
  return { session: await requireSession(), meta: context.meta };
}

export async function endSessionAction(formData: FormData): Promise<void> {
  const { session, meta } = await guardSession();
  const sid = String(formData.get('sid') ?? '');
  if (sid === session.claims.sid) throw new AppError(400, 'invalid_request', 'Use "Sign out" to end this device’s sign-in.');
  await endSession({ userId: session.user.id, sid, meta });
  revalidatePath('/account');
}

export async function endOtherSessionsAction(): Promise<void> {
  const { session, meta } = await guardSession();
  await endOtherSessions({ userId: session.user.id, currentSid: session.claims.sid, meta });
  revalidatePath('/account');
}

export interface ChangePasswordState {
  message?: string;
  success?: string;
  fields?: FieldErrors;
}

export async function changePasswordAction(previous: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  // An account made through a sign-in provider has no current password: this form sets one.
  const session = await requireSession().catch(() => null);
  if (session && !(await hasPassword(session.user.id))) return setPasswordAction(previous, formData);
  const parsed = changePasswordSchema.safeParse({
    currentPassword: String(formData.get('currentPassword') ?? ''),
    newPassword: String(formData.get('newPassword') ?? ''),
    signOutOthers: formData.get('signOutOthers') === 'on',
  });
  if (!parsed.success) return { message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error) };
  try {
    const { session, meta } = await guardSession();
    const { otherSessionsEnded } = await changePassword({
      userId: session.user.id,
      currentSid: session.claims.sid,
      meta,
      ...parsed.data,
    });
    revalidatePath('/account');
    return {
      success: parsed.data.signOutOthers
        ? `Password changed. ${otherSessionsEnded} other sign-in(s) ended.`
        : 'Password changed. Your other devices stay signed in.',
    };
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, fields: error.fields };
    if (isDatabaseUnavailable(error)) return { message: 'The service is temporarily unavailable.' };
    throw error;
  }
}

/** "Set a password" for an account without one (no current password to check). */
async function setPasswordAction(_previous: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  const parsed = setPasswordSchema.safeParse({
    newPassword: String(formData.get('newPassword') ?? ''),
    signOutOthers: formData.get('signOutOthers') === 'on',
  });
  if (!parsed.success) return { message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error) };
  try {
    const { session, meta } = await guardSession();
    // Step-up (setting a password needs a recent sign-in): requireRecentSignIn(session) from lib/auth/step-up.ts goes here.
    const { otherSessionsEnded } = await setPassword({ userId: session.user.id, currentSid: session.claims.sid, meta, ...parsed.data });
    revalidatePath('/account');
    return {
      success: parsed.data.signOutOthers
        ? `Password set. ${otherSessionsEnded} other sign-in(s) ended.`
        : 'Password set. You can now sign in with your email and password too.',
    };
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, fields: error.fields };
    if (isDatabaseUnavailable(error)) return { message: 'The service is temporarily unavailable.' };
    throw error;
  }
}

// ── Sign-in providers ─────────────────────────────────────────────────────────────────────────

export async function unlinkProviderAction(formData: FormData): Promise<void> {
  const { session, meta } = await guardSession();
  // Step-up (unlinking needs a recent sign-in): requireRecentSignIn(session) from lib/auth/step-up.ts goes here.
  try {
    await unlinkProvider({ userId: session.user.id, provider: String(formData.get('provider') ?? '').slice(0, 300), meta });
  } catch (error) {
    if (error instanceof AppError && error.status < 500) redirect(`/account?oidc_error=${error.code === 'last_sign_in_method' ? 'last_method' : 'not_linked'}#providers`);
    throw error;
  }
  revalidatePath('/account');
  redirect('/account?oidc=unlinked#providers');
}
