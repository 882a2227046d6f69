import type { Metadata } from 'next';
import Link from 'next/link';
import { Timestamp } from '@/app/_components/timestamp';
import { requirePageSession } from '@/lib/auth/session';
import { ActiveSessions } from './_components/active-sessions';
import { Activity } from './_components/activity';
import { ApiTokens } from './_components/api-tokens';
import { ChangePasswordForm } from './_components/change-password-form';
import { EmailAddress } from './_components/email-address';
import { SignOutEverywhere } from './_components/sign-out-everywhere';
import { Countdown } from '@/app/_components/countdown';
import { SignInFacts } from '@/app/_components/sign-in-facts';
import { hasPassword } from '@/lib/auth/accounts';
import { isRecentSignIn } from '@/lib/auth/step-up';
import { env } from '@/lib/env';
import { DeleteAccount } from './_components/delete-account';
import { Passkeys } from './_components/passkeys';
import { SignInProviders } from './_components/sign-in-providers';
import { TwoStep } from './_components/two-step';
import { ownEntry } from '@/lib/format/lookup';

export const metadata: Metadata = { title: 'Your account' };

/** What a refused account action (see refusals.ts) says; unknown codes say nothing. */
const NOTICES: Record<string, string> = {
  not_found: 'That sign-in, API token or passkey does not exist (or is not yours). Nothing was changed.',
  last_sign_in_method: 'That is the only way left to sign in to your account. Set a password, add a passkey or connect a provider first. Nothing was changed.',
  invalid_passkey_name: 'Give the passkey a name (up to 60 characters). Nothing was changed.',
  totp_already_enabled: 'Two-step sign-in is already on (perhaps from another tab).',
  totp_not_enabled: 'Two-step sign-in is already off (perhaps from another tab).',
  invalid_request: 'That request was not valid. Nothing was changed.',
  forbidden_origin: 'That request did not come from this site, so it was refused.',
  insufficient_scope: 'API tokens cannot do that. Nothing was changed.',
  too_many_attempts: 'Too many attempts. Try again in a few minutes.',
};

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePageSession('/account');
  const { user, claims } = session;
  const fresh = isRecentSignIn(session);
  const { page, oidc, oidc_error: oidcError, notice } = await searchParams;
  const noticeText = ownEntry(NOTICES, notice);
  const passwordSet = await hasPassword(user.id);
  const expiresAt = new Date(claims.exp * 1000);
  // eslint-disable-next-line react-hooks/purity -- one clock reading per request, shared by the times below
  const nowMs = Date.now();
  return (
    <section aria-labelledby="account-title" className="stack">
      <h1 id="account-title">Your account</h1>
      {noticeText ? (
        <p id="notice" role="alert" className="form-error" data-testid="account-notice">
          {noticeText}
        </p>
      ) : null}
      <div className="card">
        <dl className="facts">
          <dt>Name</dt>
          <dd data-testid="account-name">{user.name}</dd>
          <dt>Email</dt>
          <dd data-testid="account-email">{user.email}</dd>
          <dt>Access token issued</dt>
          <dd>
            <Timestamp iso={new Date(claims.iat * 1000).toISOString()} nowMs={nowMs} />
          </dd>
          <dt>Access token expires</dt>
          <dd>
            <Countdown untilMs={expiresAt.getTime()} nowMs={nowMs} prefix="in" expiredText="expired" testId="expiry-countdown" /> (
            <Timestamp iso={expiresAt.toISOString()} nowMs={nowMs} exact />
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
      <EmailAddress userId={user.id} verified={user.emailVerified} />
      <ActiveSessions userId={user.id} currentSid={claims.sid} />
      <SignInProviders
        userId={user.id}
        hasPassword={passwordSet}
        status={typeof oidc === 'string' ? oidc : undefined}
        error={typeof oidcError === 'string' ? oidcError : undefined}
      />
      <ChangePasswordForm hasPassword={passwordSet} />
      <Passkeys userId={user.id} />
      <TwoStep userId={user.id} />
      <ApiTokens userId={user.id} />
      <SignOutEverywhere />
      <Activity userId={user.id} page={Number(typeof page === 'string' ? page : 1) || 1} />
      <DeleteAccount email={user.email} />
    </section>
  );
}
