'use server';
// Server actions of the mail-driven pages: forgot password, reset password, confirm an address.
// Thin: parse with the same zod schemas as the JSON routes, call lib/auth/email-flows. No session:
// the declared guard refuses a foreign Origin, like sign-in.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { confirmEmailToken, requestPasswordReset, resetPassword } from '@/lib/auth/email-flows';
import { formAction, writeCookies } from '@/lib/auth/guards';
import { clearedTokenCookies } from '@/lib/auth/http';
import type { FormState } from '@/lib/form-state';
import { fieldErrors } from '@/lib/http';
import { afterResponse } from '@/lib/mail/after-response';
import { mailEnabled, mailUnavailable } from '@/lib/mail/config';
import { confirmEmailSchema, forgotPasswordSchema, resetPasswordSchema } from '@/lib/validation/email';

/** `result` is the address the link went to (if it has an account). */
export type ForgotPasswordState = FormState<{ email: string }, string>;
export type ResetPasswordState = FormState;
/** `result` says what the link did, and the address it concerns. */
export type ConfirmEmailState = FormState<Record<string, never>, { kind: 'verified' | 'changed'; email: string }>;

export const forgotPasswordAction = formAction(
  { auth: 'none', origin: 'login', values: (formData) => ({ email: String(formData.get('email') ?? '') }) },
  async (_formData, { meta, values }): Promise<ForgotPasswordState> => {
    const parsed = forgotPasswordSchema.safeParse(values);
    if (!parsed.success) return { status: 'error', message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error), values };
    if (!mailEnabled()) throw mailUnavailable();
    // The same answer, in the same time, whether or not the address has an account.
    afterResponse(() => requestPasswordReset({ email: parsed.data.email, meta }));
    return { status: 'ok', result: parsed.data.email };
  },
);

export const resetPasswordAction = formAction({ auth: 'none', origin: 'login' }, async (formData, { meta, secure }): Promise<ResetPasswordState> => {
  const parsed = resetPasswordSchema.safeParse({ token: String(formData.get('token') ?? ''), password: String(formData.get('password') ?? '') });
  if (!parsed.success) return { status: 'error', message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error) };
  const outcome = await resetPassword({ ...parsed.data, meta });
  // Whatever sign-in this browser had ended with the reset: drop its dead cookies too.
  writeCookies(await cookies(), clearedTokenCookies(secure));
  // A page of its own (the link's page would now say the link is used up).
  redirect(`/reset-password?done=${outcome.sessionsEnded}-${outcome.apiTokensRevoked}`);
});

export const confirmEmailAction = formAction({ auth: 'none', origin: 'login' }, async (formData): Promise<ConfirmEmailState> => {
  const parsed = confirmEmailSchema.safeParse({ token: String(formData.get('token') ?? '') });
  if (!parsed.success) return { status: 'error', message: 'This link is incomplete. Open it again from the mail.' };
  const outcome = await confirmEmailToken(parsed.data);
  return { status: 'ok', result: { kind: outcome.kind, email: outcome.email } };
});
