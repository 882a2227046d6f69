import type { Metadata } from 'next';
import { requirePageSession } from '@/lib/auth/session';
import { ActiveSessions } from './_components/active-sessions';
import { Activity } from './_components/activity';
import { ApiTokens } from './_components/api-tokens';
import { ChangePasswordForm } from './_components/change-password-form';
import { Countdown } from '@/app/_components/countdown';

export const metadata: Metadata = { title: 'Your account' };

/** What a refused account action (see actions.ts refusalToNotice) says; unknown codes say nothing. */
const NOTICES: Record<string, string> = {
  not_found: 'That sign-in or API token does not exist (or is not yours). Nothing was changed.',
  invalid_request: 'That request was not valid. Nothing was changed.',
  forbidden_origin: 'That request did not come from this site, so it was refused.',
  insufficient_scope: 'API tokens cannot do that. Nothing was changed.',
  too_many_attempts: 'Too many attempts. Try again in a few minutes.',
};

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, claims } = await requirePageSession('/account');
  const { page, notice } = await searchParams;
  const noticeText = typeof notice === 'string' ? NOTICES[notice] : undefined;
  const expiresAt = new Date(claims.exp * 1000);
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
            <time dateTime={new Date(claims.iat * 1000).toISOString()}>{new Date(claims.iat * 1000).toUTCString()}</time>
          </dd>
          <dt>Access token expires</dt>
          <dd>
            <time dateTime={expiresAt.toISOString()}>{expiresAt.toUTCString()}</time> (<Countdown untilMs={expiresAt.getTime()} prefix="in" expiredText="expired" testId="expiry-countdown" />
            ). It is renewed automatically while your sign-in lasts.
          </dd>
        </dl>
      </div>
      <ActiveSessions userId={user.id} currentSid={claims.sid} />
      <ChangePasswordForm />
      <ApiTokens userId={user.id} />
      <div className="card">
        <h2>Sign out everywhere</h2>
        <p>Ends every sign-in of this account, on every device, including this one.</p>
        {/* A plain form POST answered 303: a full page load (see the header's sign-out). */}
        <form method="post" action="/api/auth/logout-all">
          <button type="submit" className="button danger">
            Sign out everywhere
          </button>
        </form>
      </div>
      <Activity userId={user.id} page={Number(typeof page === 'string' ? page : 1) || 1} />
    </section>
  );
}
