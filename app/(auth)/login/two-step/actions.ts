'use server';
// The second step's form: a code from the authenticator app, or a recovery code. No session yet:
// the guard checks the origin with the sign-in rule; the `mfa` cookie names the attempt.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { formAction, writeCookies } from '@/lib/auth/guards';
import { safeNextPath, tokenCookies } from '@/lib/auth/http';
import { deviceCookie, deviceCookieName, verifyDeviceCookie } from '@/lib/auth/devices';
import { completeSecondStep, mfaCookie, mfaCookieName } from '@/lib/auth/second-step';
import { AppError } from '@/lib/errors';
import type { FormState } from '@/lib/form-state';
import { fieldErrors } from '@/lib/http';
import { mergeGuestCartAfterSignIn } from '@/lib/shop/merge-at-sign-in';
import { secondStepSchema } from '@/lib/validation/strong-sign-in';

/** `result.ended`: the attempt has ended and the user starts again with the password. */
export type SecondStepState = FormState<Record<string, never>, { ended: boolean }>;

export const secondStepAction = formAction({ auth: 'none', origin: 'login' }, async (formData, { meta, secure }): Promise<SecondStepState> => {
  const method = formData.get('method') === 'recovery' ? 'recovery' : 'totp';
  const next = safeNextPath(String(formData.get('next') ?? ''));
  const raw = String(formData.get(method === 'recovery' ? 'recoveryCode' : 'code') ?? '');
  const parsed = secondStepSchema.safeParse(method === 'recovery' ? { recoveryCode: raw } : { code: raw });
  if (!parsed.success) return { status: 'error', message: 'Check the highlighted field.', fields: fieldErrors(parsed.error) };
  const jar = await cookies();
  try {
    const { userId, tokens, browser } = await completeSecondStep({
      cookie: jar.get(mfaCookieName(secure))?.value,
      ...parsed.data,
      meta,
      browser: { browserId: verifyDeviceCookie(jar.get(deviceCookieName(secure))?.value) },
    });
    const cleared = mfaCookie('', secure, 0);
    jar.set(cleared.name, '', cleared.options);
    writeCookies(jar, tokenCookies({ access: tokens.access.token, refresh: tokens.refresh.token }, secure));
    if (browser) writeCookies(jar, [deviceCookie(browser.browserId, secure)]);
    // The sign-in is complete only now: the guest cart joins the account.
    await mergeGuestCartAfterSignIn(userId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'mfa_challenge_ended') {
      return { status: 'error', message: error.message, result: { ended: true } };
    }
    throw error;
  }
  redirect(next);
});
