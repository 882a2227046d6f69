import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { isSecureRequest, safeNextPath } from '@/lib/auth/http';
import { mfaCookieName, openAttempt, secondStepMethods } from '@/lib/auth/second-step';
import { env } from '@/lib/env';
import { SecondStepForm } from './second-step-form';

export const metadata: Metadata = { title: 'Two-step sign-in', robots: { index: false } };

export default async function TwoStepPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === 'string' ? params.next : undefined);
  const secure = isSecureRequest(await headers(), env().APP_URL);
  const attempt = await openAttempt((await cookies()).get(mfaCookieName(secure))?.value);
  if (!attempt) redirect(`/login?next=${encodeURIComponent(next)}&reason=mfa_expired`);
  const methods = await secondStepMethods(attempt.userId);
  return (
    <section className="auth-page" aria-labelledby="two-step-title">
      <h1 id="two-step-title">Two-step sign-in</h1>
      <p>Your password was right. Enter the 6-digit code from your authenticator app to finish signing in.</p>
      <SecondStepForm next={next} recoveryAllowed={methods.includes('recovery')} />
    </section>
  );
}
