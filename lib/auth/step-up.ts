// Step-up: some changes need a recent interactive sign-in, not just a live session. The declared
// guards call requireRecentSignIn() when an endpoint says `fresh: true`.
//
// The rule: the sign-in's auth_time (OIDC Core) must be at most AUTH_STEP_UP_MAX_AGE seconds old,
// read by authTimeOf (lib/auth/tokens): a token without auth_time reads as its family's creation
// time, which its `sid` (a UUIDv7) carries to the millisecond; a personal API token (a scope and
// no auth_time) reads as 0, so it is never a recent sign-in. A sign-in narrowed at the token
// endpoint keeps its auth_time and is judged by it.
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { Session } from './session';
import { authTimeOf } from './tokens';

export const reauthRequired = () =>
  new AppError(403, 'reauth_required', 'Confirm it is you: sign in again to make this change.', undefined, {
    'WWW-Authenticate': 'Bearer error="insufficient_user_authentication", max_age="' + env().AUTH_STEP_UP_MAX_AGE + '"',
  });

/** Throws 403 reauth_required unless the session's sign-in is recent enough. */
export function requireRecentSignIn(session: Session, nowMs: number = Date.now()): void {
  if (nowMs / 1000 - authTimeOf(session.claims) > env().AUTH_STEP_UP_MAX_AGE) throw reauthRequired();
}
