'use server';
// Server actions of /account: personal API tokens. Each checks the origin and the session itself;
// API tokens cannot reach these (requireSession without a scope refuses them).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { isRecentSignIn } from '@/lib/auth/step-up';
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import { actionContext } from '@/lib/auth/action-context';
import { requireSession } from '@/lib/auth/session';
import { AppError, isDatabaseUnavailable, type FieldErrors } from '@/lib/errors';
import { fieldErrors } from '@/lib/http';
import { createApiTokenSchema } from '@/lib/validation/api-token';
import { changePasswordSchema } from '@/lib/validation/auth';
import { changePassword } from '@/lib/auth/accounts';
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

/** Sensitive changes need a recent sign-in: a stale one confirms it first, then comes back here. */
async function requireFreshOrReauth(returnTo: string): Promise<void> {
  if (!isRecentSignIn(await requireSession())) redirect(`/account/reauth?next=${encodeURIComponent(returnTo)}`);
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
    await requireFreshOrReauth('/account#api-tokens');
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

export async function changePasswordAction(_previous: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  const parsed = changePasswordSchema.safeParse({
    currentPassword: String(formData.get('currentPassword') ?? ''),
    newPassword: String(formData.get('newPassword') ?? ''),
    signOutOthers: formData.get('signOutOthers') === 'on',
  });
  if (!parsed.success) return { message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error) };
  try {
    const { session, meta } = await guardSession();
    await requireFreshOrReauth('/account#password');
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
