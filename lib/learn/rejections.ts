// Human explanations for each precise rejection code of explainRejection() (lib/auth/tokens/jwt.ts).
import type { RejectionCode } from '@/lib/auth/tokens';

export const REJECTION_EXPLANATIONS: Record<RejectionCode, { title: string; explanation: string }> = {
  signature: {
    title: 'the signature does not match',
    explanation:
      'The signature is computed over the exact header and payload bytes with the server\'s key. You changed the payload, so the old signature no longer fits it, and only the server\'s key could produce one that does. Any machine holding the key sees this without asking a database.',
  },
  malformed: { title: 'malformed token', explanation: 'It is not three base64url parts of a sensible size, so no cryptography was even attempted.' },
  key_header: { title: 'a key-locating header', explanation: 'Headers such as jku, x5u or jwk ask the verifier to fetch or trust a key named by the token. The server only uses keys it already holds, so it refuses.' },
  algorithm: { title: 'algorithm not allowed', explanation: 'The header names an algorithm other than the one this server uses. Accepting it would let an attacker pick a weaker check (or "none").' },
  unknown_key: { title: 'unknown key', explanation: 'The kid does not name any key in the server\'s set.' },
  payload: { title: 'the payload is not a JSON object', explanation: 'A JWT payload must be a JSON object of claims.' },
  type: { title: 'wrong token type', explanation: 'The typ header is not "at+jwt", so this is not an access token (a refresh token cannot be used to read pages).' },
  missing_claim: { title: 'a required claim is missing', explanation: 'Every token must carry exp, iat, jti, sub and sid; without exp a token would never expire.' },
  issuer: { title: 'wrong issuer', explanation: 'The iss claim does not name this app.' },
  audience: { title: 'wrong audience', explanation: 'The aud claim names another service: a token for it must not open this one.' },
  not_yet_valid: { title: 'not valid yet', explanation: 'The nbf claim is in the future.' },
  issued_in_future: { title: 'issued in the future', explanation: 'The iat claim is later than now (beyond the clock tolerance): no honest server issued it.' },
  too_old: { title: 'too old', explanation: 'It was issued longer ago than an access token may live.' },
  expired: { title: 'expired', explanation: 'The exp claim has passed. The browser is sent through the refresh hop for a new one.' },
  claims: { title: 'claims of the wrong shape', explanation: 'sub, sid and jti must be strings (jti and sid are UUIDv7s), iat and exp numbers.' },
  lifetime: { title: 'lifetime too long', explanation: 'exp is further after iat than an access token may live.' },
};
