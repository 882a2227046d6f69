// How the current session signed in (amr) and when (auth_time), for /account and /learn.
import { describeAmr } from '@/lib/auth/amr';
import type { TokenClaims } from '@/lib/auth/tokens';

export function SignInFacts({ claims, stepUpMaxAge }: { claims: TokenClaims; stepUpMaxAge: number }) {
  const authTime = claims.auth_time;
  const at = authTime !== undefined ? new Date(authTime * 1000) : null;
  return (
    <>
      <dt>Signed in with</dt>
      <dd data-testid="sign-in-method">
        {describeAmr(claims.amr)} <code>amr: {JSON.stringify(claims.amr ?? ['pwd'])}</code>
      </dd>
      <dt>Signed in at</dt>
      <dd data-testid="sign-in-time">
        {at ? <time dateTime={at.toISOString()}>{at.toUTCString()}</time> : 'before this was recorded'} <code>auth_time: {authTime ?? '—'}</code>. Sensitive
        changes need a sign-in from the last {Math.round(stepUpMaxAge / 60)} minute(s).
      </dd>
    </>
  );
}
