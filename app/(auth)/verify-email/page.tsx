// Opened from a verification or change-of-address mail. The GET only shows a button: the token
// is used when it is POSTed (mail scanners follow links, and must not use it up).
import type { Metadata } from 'next';
import Link from 'next/link';
import { peekOneTimeToken } from '@/lib/auth/one-time-tokens';
import { ConfirmEmailForm } from './confirm-email-form';

export const metadata: Metadata = { title: 'Confirm your email address', robots: { index: false } };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const value = typeof token === 'string' ? token : '';
  const purpose = value ? await peekOneTimeToken({ token: value, purposes: ['verify_email', 'change_email'] }).catch(() => null) : null;
  return (
    <section className="auth-page" aria-labelledby="verify-title">
      <h1 id="verify-title">{purpose === 'change_email' ? 'Confirm your new email address' : 'Confirm your email address'}</h1>
      {purpose ? (
        <ConfirmEmailForm token={value} change={purpose === 'change_email'} />
      ) : (
        <div className="card stack">
          <p className="form-error" role="alert">
            This link is not valid any more: it was used already, it expired, or a newer one was sent.
          </p>
          <p>
            You can send a new one from <Link href="/account">your account</Link>.
          </p>
        </div>
      )}
    </section>
  );
}
