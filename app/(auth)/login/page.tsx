import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeNextPath } from '@/lib/auth/http';
import { getSession } from '@/lib/auth/session';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

const REASONS: Record<string, string> = {
  expired: 'Your session expired. Sign in again to carry on.',
  revoked: 'You were signed out. Sign in again to carry on.',
  reuse: 'We ended your session because an old sign-in token was used again. If that was not you, change your password.',
  signed_out_everywhere: 'You are signed out on every device.',
  mfa_expired: 'Your two-step sign-in attempt ended. Sign in again with your password.',
  account_deleted: 'Your account was deleted.',
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === 'string' ? params.next : undefined);
  if (await getSession().catch(() => null)) redirect(next);
  const reason = typeof params.reason === 'string' ? REASONS[params.reason] : undefined;
  return (
    <section className="auth-page" aria-labelledby="login-title">
      <h1 id="login-title">Sign in</h1>
      {reason ? (
        <p className="notice" role="status">
          {reason}
        </p>
      ) : null}
      <LoginForm next={next} />
    </section>
  );
}
