// The revocation rules, as pure functions (the database reads live in session.ts and tokens.ts).
import type { TokenClaims } from './jwt';
import { uuidv7Time } from './uuid';

/**
 * Whether a token was issued at or before `validAfter` (the user's last "sign out everywhere").
 *
 * `iat` counts whole seconds, so comparing it would either spare a token issued in the same
 * second before the sign-out, or kill a fresh sign-in made in the same second after it. The jti
 * is a UUIDv7 whose first 48 bits are the issue time in milliseconds, which is exact enough.
 */
export function isIssuedBefore(claims: Pick<TokenClaims, 'jti' | 'iat'>, validAfter: Date): boolean {
  const issuedMs = uuidv7Time(claims.jti) ?? claims.iat * 1000;
  return issuedMs <= validAfter.getTime();
}
