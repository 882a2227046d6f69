'use server';
// The second step's form: a code from the authenticator app, or a recovery code.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { actionContext } from '@/lib/auth/action-context';
import { tokenCookies } from '@/lib/auth/cookies';
import { safeNextPath } from '@/lib/auth/paths';
import { writeCookies } from '@/lib/auth/respond';
import { completeSecondStep, mfaCookie, mfaCookieName } from '@/lib/auth/second-step';
import { AppError, isDatabaseUnavailable, type FieldErrors } from '@/lib/errors';
import { fieldErrors } from '@/lib/http';
import { secondStepSchema } from '@/lib/validation/strong-sign-in';

export interface SecondStepState {
  message?: string;
  fields?: FieldErrors;
  /** The attempt has ended: the user starts again with the password. */
  ended?: boolean;
}

export async function secondStepAction(_previous: SecondStepState, formData: FormData): Promise<SecondStepState> {
  const method = formData.get('method') === 'recovery' ? 'recovery' : 'totp';
  const next = safeNextPath(String(formData.get('next') ?? ''));
  const raw = String(formData.get(method === 'recovery' ? 'recoveryCode' : 'code') ?? '');
  const parsed = secondStepSchema.safeParse(method === 'recovery' ? { recoveryCode: raw } : { code: raw });
  if (!parsed.success) return { message: 'Check the highlighted field.', fields: fieldErrors(parsed.error) };
  try {
    const context = await actionContext();
    const problem = context.originProblem('login');
    if (problem) throw problem;
    const jar = await cookies();
    const { tokens } = await completeSecondStep({ cookie: jar.get(mfaCookieName(context.secure))?.value, ...parsed.data, meta: context.meta });
    const cleared = mfaCookie('', context.secure, 0);
    jar.set(cleared.name, '', cleared.options);
    writeCookies(jar, tokenCookies({ access: tokens.access.token, refresh: tokens.refresh.token }, context.secure));
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, fields: error.fields, ended: error.code === 'mfa_challenge_ended' };
    if (isDatabaseUnavailable(error)) return { message: 'The service is temporarily unavailable. Please try again in a moment.' };
    throw error;
  }
  redirect(next);
}
