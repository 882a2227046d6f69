import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeNextPath } from '@/lib/auth/http';
import { oidcErrorMessage } from '@/lib/auth/oidc';
import { getPageSession } from '@/lib/auth/session';
import { ProviderButtons } from '../_components/provider-buttons';
import { LoginForm } from './login-form';
import { loginReason } from './reasons';

export const metadata: Metadata = { title: 'Sign in' };


export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === 'string' ? params.next : undefined);
  if (await getPageSession().catch(() => null)) redirect(next);
  const reason = loginReason(typeof params.reason === 'string' ? params.reason : undefined, next);
  const providerError = oidcErrorMessage(params.oidc_error);
  return (
    <section className="auth-page" aria-labelledby="login-title">
      <h1 id="login-title">Sign in</h1>
      {reason ? (
        <p className="notice" role="status">
          {reason}
        </p>
      ) : null}
      {providerError ? (
        <p className="form-error" role="alert" data-testid="provider-error">
          {providerError}
        </p>
      ) : null}
      <ProviderButtons next={next} />
      <LoginForm next={next} />
    </section>
  );
}
