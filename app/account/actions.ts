'use server';
// Server actions of /account: personal API tokens. Each checks the origin and the session itself;
// API tokens cannot reach these (requireSession without a scope refuses them).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
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

/**
 * For the void actions (forms without state): a refusal (4xx: another user's sign-in or token, an
 * id that does not exist) comes back to /account with a notice, never as a 500 with a stack in the
 * log. Only known codes travel in the URL, and the page maps them to its own words.
 */
async function refusalToNotice(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    if (error.status === 401) redirect('/login?next=/account');
    redirect(`/account?notice=${encodeURIComponent(error.code)}#notice`);
  }
  revalidatePath('/account');
}

export async function revokeApiTokenAction(formData: FormData): Promise<void> {
  await refusalToNotice(async () => {
    const userId = await guard();
    await revokeApiToken({ userId, id: String(formData.get('id') ?? '') });
  });
}

// ── Security centre: sign-ins and password ────────────────────────────────────────────────────

async function guardSession() {
  const context = await actionContext();
  const problem = context.originProblem('strict');
  if (problem) throw problem;
  return { session: await requireSession(), meta: context.meta };
}

export async function endSessionAction(formData: FormData): Promise<void> {
  await refusalToNotice(async () => {
    const { session, meta } = await guardSession();
    const sid = String(formData.get('sid') ?? '');
    if (sid === session.claims.sid) throw new AppError(400, 'invalid_request', 'Use "Sign out" to end this device’s sign-in.');
    await endSession({ userId: session.user.id, sid, meta });
  });
}

export async function endOtherSessionsAction(): Promise<void> {
  await refusalToNotice(async () => {
    const { session, meta } = await guardSession();
    await endOtherSessions({ userId: session.user.id, currentSid: session.claims.sid, meta });
  });
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
    revokeApiTokens: formData.get('revokeApiTokens') === 'on',
  });
  if (!parsed.success) return { message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error) };
  try {
    const { session, meta } = await guardSession();
    const { otherSessionsEnded, apiTokensRevoked } = await changePassword({
      userId: session.user.id,
      currentSid: session.claims.sid,
      meta,
      ...parsed.data,
    });
    revalidatePath('/account');
    const sessions = parsed.data.signOutOthers ? `${otherSessionsEnded} other sign-in(s) ended.` : 'Your other devices stay signed in.';
    const tokens = parsed.data.revokeApiTokens ? `${apiTokensRevoked} API token(s) revoked.` : 'Your API tokens still work.';
    return { success: `Password changed. ${sessions} ${tokens}` };
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, fields: error.fields };
    if (isDatabaseUnavailable(error)) return { message: 'The service is temporarily unavailable.' };
    throw error;
  }
}
