import type { Metadata } from 'next';
import Link from 'next/link';
import { logoutEverywhereAction } from '@/app/(auth)/actions';
import { SubmitButton } from '@/app/_components/submit-button';
import { requirePageSession } from '@/lib/auth/session';
import { ActiveSessions } from './_components/active-sessions';
import { Activity } from './_components/activity';
import { ApiTokens } from './_components/api-tokens';
import { ChangePasswordForm } from './_components/change-password-form';
import { Countdown } from '@/app/_components/countdown';
import { SignInFacts } from '@/app/_components/sign-in-facts';
import { isRecentSignIn } from '@/lib/auth/step-up';
import { env } from '@/lib/env';
import { DeleteAccount } from './_components/delete-account';
import { Passkeys } from './_components/passkeys';
import { TwoStep } from './_components/two-step';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePageSession('/account');
  const { user, claims } = session;
  const fresh = isRecentSignIn(session);
  const { page } = await searchParams;
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
          <SignInFacts claims={claims} stepUpMaxAge={env().AUTH_STEP_UP_MAX_AGE} />
        </dl>
        {fresh ? null : (
          <p className="notice" data-testid="step-up-notice">
            Changing your password, passkeys, two-step sign-in or API tokens, or deleting your account, will first ask you to{' '}
            <Link href="/account/reauth?next=%2Faccount">confirm it is you</Link>.
          </p>
        )}
      </div>
      <ActiveSessions userId={user.id} currentSid={claims.sid} />
      <ChangePasswordForm />
      <Passkeys userId={user.id} />
      <TwoStep userId={user.id} />
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
      <DeleteAccount email={user.email} />
    </section>
  );
}
