'use server';
// Server actions of /account for strong sign-in: two-step sign-in, recovery codes, passkeys
// (rename, remove; adding one needs JavaScript and goes through the JSON API), re-authentication
// and account deletion. Sensitive ones need a recent sign-in: a stale one is sent to the re-auth
// prompt, which brings the user back to the same place to carry on.
import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { actionContext } from '@/lib/auth/action-context';
import { clearedTokenCookies, tokenCookies } from '@/lib/auth/cookies';
import { deleteAccount } from '@/lib/auth/delete-account';
import { removePasskey, renamePasskey } from '@/lib/auth/passkeys';
import { safeNextPath } from '@/lib/auth/paths';
import { reauthenticateSession } from '@/lib/auth/reauth';
import { writeCookies } from '@/lib/auth/respond';
import { requireSession } from '@/lib/auth/session';
import { isRecentSignIn } from '@/lib/auth/step-up';
import { confirmTotp, disableTotp, regenerateRecoveryCodes, startTotp } from '@/lib/auth/totp';
import { AppError, isDatabaseUnavailable, type FieldErrors } from '@/lib/errors';
import { fieldErrors } from '@/lib/http';
import { confirmTotpSchema, deleteAccountSchema, passkeyNameSchema } from '@/lib/validation/strong-sign-in';

export interface StrongFormState {
  message?: string;
  success?: string;
  fields?: FieldErrors;
  recoveryCodes?: string[];
}

function reauthPath(returnTo: string): string {
  return `/account/reauth?next=${encodeURIComponent(returnTo)}`;
}

/** Origin check and session; with `stepUpReturnTo`, a stale sign-in goes to the re-auth prompt. */
async function guard(stepUpReturnTo?: string) {
  const context = await actionContext();
  const problem = context.originProblem('strict');
  if (problem) throw problem;
  const session = await requireSession();
  if (stepUpReturnTo !== undefined && !isRecentSignIn(session)) redirect(reauthPath(stepUpReturnTo));
  return { session, meta: context.meta, secure: context.secure };
}

function failure(error: unknown): StrongFormState {
  if (error instanceof AppError) return { message: error.message, fields: error.fields };
  if (isDatabaseUnavailable(error)) return { message: 'The service is temporarily unavailable. Please try again in a moment.' };
  throw error;
}

// ── Two-step sign-in ──────────────────────────────────────────────────────────────────────────

export async function startTotpAction(): Promise<void> {
  const { session } = await guard('/account#two-step');
  await startTotp({ userId: session.user.id, email: session.user.email });
  redirect('/account/two-step');
}

export async function confirmTotpAction(_previous: StrongFormState, formData: FormData): Promise<StrongFormState> {
  const parsed = confirmTotpSchema.safeParse({ code: String(formData.get('code') ?? '') });
  if (!parsed.success) return { message: 'Check the highlighted field.', fields: fieldErrors(parsed.error) };
  try {
    const { session, meta } = await guard('/account/two-step');
    const { recoveryCodes, otherSessionsEnded } = await confirmTotp({ userId: session.user.id, currentSid: session.claims.sid, code: parsed.data.code, meta });
    // No revalidatePath here: re-rendering the set-up page now (no pending factor) would leave it
    // before the recovery codes are seen. /account is dynamic and fresh on the next visit.
    return { recoveryCodes, success: `Two-step sign-in is on. ${otherSessionsEnded} other sign-in(s) ended.` };
  } catch (error) {
    return failure(error);
  }
}

export async function disableTotpAction(): Promise<void> {
  const { session, meta } = await guard('/account#two-step');
  await disableTotp({ userId: session.user.id, currentSid: session.claims.sid, meta });
  revalidatePath('/account');
  redirect('/account?done=totp_off#two-step');
}

export async function regenerateRecoveryCodesAction(): Promise<StrongFormState> {
  try {
    const { session, meta } = await guard('/account#two-step');
    const recoveryCodes = await regenerateRecoveryCodes({ userId: session.user.id, meta });
    revalidatePath('/account');
    return { recoveryCodes, success: 'New recovery codes made. The old ones no longer work.' };
  } catch (error) {
    return failure(error);
  }
}

// ── Passkeys ──────────────────────────────────────────────────────────────────────────────────

export async function renamePasskeyAction(formData: FormData): Promise<void> {
  const { session } = await guard();
  const name = passkeyNameSchema.safeParse(String(formData.get('name') ?? ''));
  if (!name.success) throw new AppError(400, 'invalid_request', name.error.issues[0]?.message ?? 'Name the passkey.');
  await renamePasskey({ userId: session.user.id, id: String(formData.get('id') ?? ''), name: name.data });
  revalidatePath('/account');
}

export async function removePasskeyAction(formData: FormData): Promise<void> {
  const { session, meta } = await guard('/account#passkeys');
  await removePasskey({ userId: session.user.id, id: String(formData.get('id') ?? ''), meta });
  revalidatePath('/account');
}

// ── Re-authentication (step-up) ───────────────────────────────────────────────────────────────

export async function reauthAction(_previous: StrongFormState, formData: FormData): Promise<StrongFormState> {
  const next = safeNextPath(String(formData.get('next') ?? ''), '/account');
  const password = String(formData.get('password') ?? '');
  if (!password) return { message: 'Enter your password.', fields: { password: ['Enter your password.'] } };
  try {
    const { session, meta, secure } = await guard();
    const tokens = await reauthenticateSession({ session, proof: { password }, meta });
    writeCookies(await cookies(), tokenCookies({ access: tokens.access.token, refresh: tokens.refresh.token }, secure));
  } catch (error) {
    return failure(error);
  }
  redirect(next);
}

// ── Deleting the account ──────────────────────────────────────────────────────────────────────

export async function deleteAccountAction(_previous: StrongFormState, formData: FormData): Promise<StrongFormState> {
  const parsed = deleteAccountSchema.safeParse({ email: String(formData.get('email') ?? '') });
  if (!parsed.success) return { message: 'Check the highlighted field.', fields: fieldErrors(parsed.error) };
  try {
    const { session, secure } = await guard('/account#delete-account');
    await deleteAccount({ userId: session.user.id, typedEmail: parsed.data.email });
    writeCookies(await cookies(), clearedTokenCookies(secure));
  } catch (error) {
    return failure(error);
  }
  redirect('/login?reason=account_deleted');
}
