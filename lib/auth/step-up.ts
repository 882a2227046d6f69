// Step-up: sensitive changes need a recent interactive sign-in, not just a valid token.
//
// A stolen cookie that is still refreshing must not be enough to change the password, add a
// passkey, turn off two-step sign-in, mint an API token or delete the account. Those endpoints
// declare `fresh: true` and the guards (lib/auth/guards) call requireRecentSignIn(); the user
// confirms with their password or a passkey (POST /api/auth/reauth), which renews auth_time in
// the same sign-in.
//
// The rule: the sign-in's auth_time (OIDC Core) must be at most AUTH_STEP_UP_MAX_AGE seconds old,
// read by authTimeOf (lib/auth/tokens): a token without auth_time reads as its family's creation
// time, which its `sid` (a UUIDv7) carries to the millisecond; a personal API token (a scope and
// no auth_time) reads as 0, so it is never a recent sign-in. A sign-in narrowed at the token
// endpoint keeps its auth_time and is judged by it.
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { Session } from './session';
import { authTimeOf, isApiToken } from './tokens';

export const reauthRequired = (message = 'For your safety, confirm it is you: enter your password (or use a passkey) again.') =>
  new AppError(403, 'reauth_required', message, undefined, {
    'WWW-Authenticate': 'Bearer error="insufficient_user_authentication", max_age="' + env().AUTH_STEP_UP_MAX_AGE + '"',
  });

/** Whether the session signed in interactively recently enough for a sensitive change. */
export function isRecentSignIn(session: Pick<Session, 'claims'>, nowMs: number = Date.now()): boolean {
  return nowMs / 1000 - authTimeOf(session.claims) <= env().AUTH_STEP_UP_MAX_AGE;
}

/** Throws 403 reauth_required unless the session's sign-in is recent enough. */
export function requireRecentSignIn(session: Session, nowMs: number = Date.now()): void {
  if (isApiToken(session.claims)) throw reauthRequired('A personal API token cannot make this change; sign in instead.');
  if (!isRecentSignIn(session, nowMs)) throw reauthRequired();
}
