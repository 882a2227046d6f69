// Opened from the reset mail. The GET only shows the form: the token is used when the form is
// POSTed (mail scanners follow links, and must not use it up).
import type { Metadata } from 'next';
import Link from 'next/link';
import { peekOneTimeToken } from '@/lib/auth/one-time-tokens';
import { ResetPasswordForm } from './reset-password-form';

export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false } };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token, done } = await searchParams;
  const ended = typeof done === 'string' ? /^(\d{1,6})-(\d{1,6})$/.exec(done) : null;
  if (ended) {
    return (
      <section className="auth-page" aria-labelledby="reset-title">
        <h1 id="reset-title">Password changed</h1>
        <div className="card stack">
          <p className="success" role="status">
            Your password was changed. Every sign-in of your account has ended ({ended[1]} sign-in(s) and {ended[2]} API token(s)).
          </p>
          <p>
            <Link className="button" href="/login">
              Sign in with your new password
            </Link>
          </p>
        </div>
      </section>
    );
  }
  const value = typeof token === 'string' ? token : '';
  const valid = value ? (await peekOneTimeToken({ token: value, purposes: ['reset_password'] }).catch(() => null)) !== null : false;
  return (
    <section className="auth-page" aria-labelledby="reset-title">
      <h1 id="reset-title">Choose a new password</h1>
      {valid ? (
        <ResetPasswordForm token={value} />
      ) : (
        <div className="card stack">
          <p className="form-error" role="alert">
            This link is not valid any more: it was used already, it expired, or a newer one was sent.
          </p>
          <p>
            <Link href="/forgot-password">Ask for a new link</Link>
          </p>
        </div>
      )}
    </section>
  );
}
