// Step-up: some changes need a recent interactive sign-in, not just a live session. The declared
// guards call requireRecentSignIn() when an endpoint says `fresh: true`.
//
// The rule: the sign-in's auth_time (OIDC Core) must be at most AUTH_STEP_UP_MAX_AGE seconds old.
// A token without auth_time reads as its family's creation time, which its `sid` (a UUIDv7)
// carries to the millisecond. A personal API token is never a recent sign-in.
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { Session } from './session';
import { isApiToken, uuidv7Time } from './tokens';

export const reauthRequired = () =>
  new AppError(403, 'reauth_required', 'Confirm it is you: sign in again to make this change.', undefined, {
    'WWW-Authenticate': 'Bearer error="insufficient_user_authentication", max_age="' + env().AUTH_STEP_UP_MAX_AGE + '"',
  });

/** The time of the interactive sign-in behind these claims, in seconds. */
function signInTime(claims: Session['claims']): number | null {
  const authTime = (claims as { auth_time?: unknown }).auth_time;
  if (typeof authTime === 'number') return authTime;
  const created = uuidv7Time(claims.sid);
  return created === null ? null : Math.floor(created / 1000);
}

/** Throws 403 reauth_required unless the session's sign-in is recent enough. */
export function requireRecentSignIn(session: Session, nowMs: number = Date.now()): void {
  if (isApiToken(session.claims)) throw reauthRequired();
  const at = signInTime(session.claims);
  if (at === null || nowMs / 1000 - at > env().AUTH_STEP_UP_MAX_AGE) throw reauthRequired();
}
