'use server';
// Server actions of /account for strong sign-in: two-step sign-in, recovery codes, passkeys
// (rename, remove; adding one needs JavaScript and goes through the JSON API), re-authentication
// and account deletion. The declared guard checks the origin and the session; sensitive ones say
// `fresh: true`, and a stale sign-in is sent to the re-auth prompt (`reauthNext`), which brings
// the user back to the same place to carry on.
import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { deleteAccount } from '@/lib/auth/delete-account';
import { action, formAction, writeCookies } from '@/lib/auth/guards';
import { clearedTokenCookies, safeNextPath, tokenCookies } from '@/lib/auth/http';
import { removePasskey, renamePasskey } from '@/lib/auth/passkeys';
import { reauthenticateSession } from '@/lib/auth/reauth';
import { confirmTotp, disableTotp, regenerateRecoveryCodes, startTotp } from '@/lib/auth/totp';
import { AppError } from '@/lib/errors';
import type { FormState } from '@/lib/form-state';
import { fieldErrors } from '@/lib/http';
import { refusalsToNotice } from './refusals';
import { confirmTotpSchema, deleteAccountSchema, passkeyNameSchema } from '@/lib/validation/strong-sign-in';

/** New recovery codes are the `result`, shown once. */
export type StrongFormState = FormState<Record<string, never>, { recoveryCodes: string[] }>;

// ── Two-step sign-in ──────────────────────────────────────────────────────────────────────────

export const startTotpAction = refusalsToNotice(action({ auth: 'required', fresh: true, reauthNext: '/account#two-step' }, async ({ session }): Promise<void> => {
  await startTotp({ userId: session.user.id, email: session.user.email });
  redirect('/account/two-step');
}));

export const confirmTotpAction = formAction(
  { auth: 'required', fresh: true, reauthNext: '/account/two-step' },
  async (formData, { session, meta }): Promise<StrongFormState> => {
    const parsed = confirmTotpSchema.safeParse({ code: String(formData.get('code') ?? '') });
    if (!parsed.success) return { status: 'error', message: 'Check the highlighted field.', fields: fieldErrors(parsed.error) };
    const { recoveryCodes, otherSessionsEnded } = await confirmTotp({ userId: session.user.id, currentSid: session.claims.sid, code: parsed.data.code, meta });
    // No revalidatePath here: re-rendering the set-up page now (no pending factor) would leave it
    // before the recovery codes are seen. /account is dynamic and fresh on the next visit.
    return { status: 'ok', message: `Two-step sign-in is on. ${otherSessionsEnded} other sign-in(s) ended.`, result: { recoveryCodes } };
  },
);

export const disableTotpAction = refusalsToNotice(action({ auth: 'required', fresh: true, reauthNext: '/account#two-step' }, async ({ session, meta }): Promise<void> => {
  await disableTotp({ userId: session.user.id, currentSid: session.claims.sid, meta });
  revalidatePath('/account');
  redirect('/account?done=totp_off#two-step');
}));

export const regenerateRecoveryCodesAction = formAction(
  { auth: 'required', fresh: true, reauthNext: '/account#two-step' },
  async (_formData, { session, meta }): Promise<StrongFormState> => {
    const recoveryCodes = await regenerateRecoveryCodes({ userId: session.user.id, meta });
    revalidatePath('/account');
    return { status: 'ok', message: 'New recovery codes made. The old ones no longer work.', result: { recoveryCodes } };
  },
);

// ── Passkeys ──────────────────────────────────────────────────────────────────────────────────

// Refusals (a blank name, a passkey already removed in another tab, the last way to sign in) come
// back to /account as a notice (refusals.ts).
export const renamePasskeyAction = refusalsToNotice(action({ auth: 'required' }, async ({ session }, formData: FormData): Promise<void> => {
  const name = passkeyNameSchema.safeParse(String(formData.get('name') ?? ''));
  if (!name.success) throw new AppError(400, 'invalid_passkey_name', name.error.issues[0]?.message ?? 'Name the passkey.');
  await renamePasskey({ userId: session.user.id, id: String(formData.get('id') ?? ''), name: name.data });
}));

export const removePasskeyAction = refusalsToNotice(action(
  { auth: 'required', fresh: true, reauthNext: '/account#passkeys' },
  async ({ session, meta }, formData: FormData): Promise<void> => {
    await removePasskey({ userId: session.user.id, id: String(formData.get('id') ?? ''), meta });
  },
));

// ── Re-authentication (step-up) ───────────────────────────────────────────────────────────────

export const reauthAction = formAction({ auth: 'required' }, async (formData, { session, meta, secure }): Promise<StrongFormState> => {
  const next = safeNextPath(String(formData.get('next') ?? ''), '/account');
  const password = String(formData.get('password') ?? '');
  if (!password) return { status: 'error', message: 'Enter your password.', fields: { password: ['Enter your password.'] } };
  const tokens = await reauthenticateSession({ session, proof: { password }, meta });
  writeCookies(await cookies(), tokenCookies({ access: tokens.access.token, refresh: tokens.refresh.token }, secure));
  redirect(next);
});

// ── Deleting the account ──────────────────────────────────────────────────────────────────────

export const deleteAccountAction = formAction(
  { auth: 'required', fresh: true, reauthNext: '/account#delete-account' },
  async (formData, { session, secure }): Promise<StrongFormState> => {
    const parsed = deleteAccountSchema.safeParse({ email: String(formData.get('email') ?? '') });
    if (!parsed.success) return { status: 'error', message: 'Check the highlighted field.', fields: fieldErrors(parsed.error) };
    await deleteAccount({ userId: session.user.id, typedEmail: parsed.data.email });
    writeCookies(await cookies(), clearedTokenCookies(secure));
    redirect('/login?reason=account_deleted');
  },
);
