'use server';
// Server actions of the mail-driven pages: forgot password, reset password, confirm an address.
// Thin: parse with the same zod schemas as the JSON routes, call lib/auth/email-flows.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { actionContext } from '@/lib/auth/action-context';
import { clearedTokenCookies } from '@/lib/auth/cookies';
import { confirmEmailToken, requestPasswordReset, resetPassword } from '@/lib/auth/email-flows';
import { writeCookies } from '@/lib/auth/respond';
import { AppError, isDatabaseUnavailable, type FieldErrors } from '@/lib/errors';
import { fieldErrors } from '@/lib/http';
import { afterResponse } from '@/lib/mail/after-response';
import { mailEnabled, mailUnavailable } from '@/lib/mail/config';
import { confirmEmailSchema, forgotPasswordSchema, resetPasswordSchema } from '@/lib/validation/email';

export interface MailFormState {
  message?: string;
  fields?: FieldErrors;
  email?: string;
  /** Set once the action succeeded: what the page should say. */
  done?: string;
}

function failure(error: unknown, extra: Partial<MailFormState> = {}): MailFormState {
  if (error instanceof AppError) return { message: error.message, fields: error.fields, ...extra };
  if (isDatabaseUnavailable(error)) return { message: 'The service is temporarily unavailable. Please try again in a moment.', ...extra };
  throw error;
}

async function checkOrigin(): Promise<Awaited<ReturnType<typeof actionContext>>> {
  const context = await actionContext();
  const problem = context.originProblem('login');
  if (problem) throw problem;
  return context;
}

export async function forgotPasswordAction(_previous: MailFormState, formData: FormData): Promise<MailFormState> {
  const email = String(formData.get('email') ?? '');
  const parsed = forgotPasswordSchema.safeParse({ email });
  if (!parsed.success) return { message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error), email };
  try {
    const { meta } = await checkOrigin();
    if (!mailEnabled()) throw mailUnavailable();
    // The same answer, in the same time, whether or not the address has an account.
    afterResponse(() => requestPasswordReset({ email: parsed.data.email, meta }));
    return { done: parsed.data.email };
  } catch (error) {
    return failure(error, { email });
  }
}

export async function resetPasswordAction(_previous: MailFormState, formData: FormData): Promise<MailFormState> {
  const parsed = resetPasswordSchema.safeParse({ token: String(formData.get('token') ?? ''), password: String(formData.get('password') ?? '') });
  if (!parsed.success) return { message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error) };
  let outcome: { sessionsEnded: number; apiTokensRevoked: number };
  try {
    const { meta, secure } = await checkOrigin();
    outcome = await resetPassword({ ...parsed.data, meta });
    // Whatever sign-in this browser had ended with the reset: drop its dead cookies too.
    writeCookies(await cookies(), clearedTokenCookies(secure));
  } catch (error) {
    return failure(error);
  }
  // A page of its own (the link's page would now say the link is used up).
  redirect(`/reset-password?done=${outcome.sessionsEnded}-${outcome.apiTokensRevoked}`);
}

export async function confirmEmailAction(_previous: MailFormState, formData: FormData): Promise<MailFormState> {
  const parsed = confirmEmailSchema.safeParse({ token: String(formData.get('token') ?? '') });
  if (!parsed.success) return { message: 'This link is incomplete. Open it again from the mail.' };
  try {
    await checkOrigin();
    const outcome = await confirmEmailToken(parsed.data);
    return { done: outcome.kind, email: outcome.email };
  } catch (error) {
    return failure(error);
  }
}
