import type { Metadata } from 'next';
import { logoutEverywhereAction } from '@/app/(auth)/actions';
import { SubmitButton } from '@/app/_components/submit-button';
import { requirePageSession } from '@/lib/auth/session';
import { ActiveSessions } from './_components/active-sessions';
import { Activity } from './_components/activity';
import { ApiTokens } from './_components/api-tokens';
import { ChangePasswordForm } from './_components/change-password-form';
import { EmailAddress } from './_components/email-address';
import { Countdown } from '@/app/_components/countdown';
import { hasPassword } from '@/lib/auth/accounts';
import { SignInProviders } from './_components/sign-in-providers';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, claims } = await requirePageSession('/account');
  const { page, oidc, oidc_error: oidcError } = await searchParams;
  const passwordSet = await hasPassword(user.id);
  const expiresAt = new Date(claims.exp * 1000);
  return (
    <section aria-labelledby="account-title" className="stack">
      <h1 id="account-title">Your account</h1>
      <div className="card">
        <dl className="facts">
          <dt>Name</dt>
          <dd data-testid="account-name">{user.name}</dd>
          <dt>Email</dt>
          <dd data-testid="account-email">{user.email}</dd>
          <dt>Access token issued</dt>
          <dd>
            <time dateTime={new Date(claims.iat * 1000).toISOString()}>{new Date(claims.iat * 1000).toUTCString()}</time>
          </dd>
          <dt>Access token expires</dt>
          <dd>
            <time dateTime={expiresAt.toISOString()}>{expiresAt.toUTCString()}</time> (<Countdown untilMs={expiresAt.getTime()} prefix="in" expiredText="expired" testId="expiry-countdown" />
            ). It is renewed automatically while your sign-in lasts.
          </dd>
        </dl>
      </div>
      <EmailAddress userId={user.id} />
      <ActiveSessions userId={user.id} currentSid={claims.sid} />
      <SignInProviders
        userId={user.id}
        hasPassword={passwordSet}
        status={typeof oidc === 'string' ? oidc : undefined}
        error={typeof oidcError === 'string' ? oidcError : undefined}
      />
      <ChangePasswordForm hasPassword={passwordSet} />
      <ApiTokens userId={user.id} />
      <div className="card">
        <h2>Sign out everywhere</h2>
        <p>Ends every sign-in of this account, on every device, including this one.</p>
        <form action={logoutEverywhereAction}>
          <SubmitButton className="button danger" pendingText="Signing out everywhere…">
            Sign out everywhere
          </SubmitButton>
        </form>
      </div>
      <Activity userId={user.id} page={Number(typeof page === 'string' ? page : 1) || 1} />
    </section>
  );
}
