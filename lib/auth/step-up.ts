// Step-up: sensitive changes need a recent interactive sign-in, not just a valid token.
//
// A stolen cookie that is still refreshing must not be enough to change the password, add a
// passkey, turn off two-step sign-in, mint an API token or delete the account. Those endpoints
// declare `fresh: true` and the guards (lib/auth/guards) call requireRecentSignIn(): the token's
// auth_time must be within AUTH_STEP_UP_MAX_AGE (default 600 s), else 403 `reauth_required`, and
// the user confirms with their password or a passkey (POST /api/auth/reauth), which renews
// auth_time in the same sign-in. A personal API token never counts as a recent sign-in.
import 'server-only';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { Session } from './session';
import { isApiToken } from './tokens';

export const reauthRequired = (message = 'For your safety, confirm it is you: enter your password (or use a passkey) again.') =>
  new AppError(403, 'reauth_required', message, undefined, {
    'WWW-Authenticate': 'Bearer error="insufficient_user_authentication", max_age="' + env().AUTH_STEP_UP_MAX_AGE + '"',
  });

/** Whether the session signed in interactively recently enough for a sensitive change. */
export function isRecentSignIn(session: Pick<Session, 'claims'>, nowMs: number = Date.now()): boolean {
  if (isApiToken(session.claims)) return false;
  // A token from before auth_time existed has no proof of when its user last signed in.
  const authTime = session.claims.auth_time;
  if (authTime === undefined) return false;
  return nowMs / 1000 - authTime <= env().AUTH_STEP_UP_MAX_AGE;
}

/** Throws 403 reauth_required unless the session's sign-in is recent enough. */
export function requireRecentSignIn(session: Session, nowMs: number = Date.now()): void {
  if (isApiToken(session.claims)) throw reauthRequired('A personal API token cannot make this change; sign in instead.');
  if (!isRecentSignIn(session, nowMs)) throw reauthRequired();
}
