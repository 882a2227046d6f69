// explainRejection(): the same verification as verifyToken(), reporting which check refused.
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { explainRejection, signToken, verifyToken, type RejectionCode, type VerifyFailure } from '@/lib/auth/tokens';
import { uuidv7 } from '@/lib/auth/tokens';

const key = () => new TextEncoder().encode(env().AUTH_SECRET);

async function forged(claims: Record<string, unknown>, header: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sid: uuidv7(), ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', ...header })
    .setIssuer(String(claims.iss ?? env().AUTH_ISSUER))
    .setAudience(String(claims.aud ?? env().AUTH_AUDIENCE))
    .setSubject('u')
    .setJti(uuidv7())
    .setIssuedAt(now)
    .setExpirationTime(now + 60)
    .sign(key());
}

describe('explainRejection', () => {
  it('accepts what verifyToken accepts', async () => {
    const { token, claims } = await signToken('access', { sub: 'u', sid: uuidv7() });
    expect(await explainRejection('access', token)).toEqual({ ok: true, claims });
    expect(await verifyToken('access', token)).toEqual({ ok: true, claims });
  });

  const cases: [RejectionCode, () => Promise<string>, VerifyFailure][] = [
    ['signature', async () => {
      // A genuine header and payload with another genuine token's signature.
      const [a, b] = await Promise.all([signToken('access', { sub: 'u', sid: uuidv7() }), signToken('access', { sub: 'v', sid: uuidv7() })]);
      return a.token.split('.').slice(0, 2).join('.') + '.' + b.token.split('.')[2];
    }, 'invalid'],
    ['malformed', async () => 'not-a-token', 'malformed'],
    ['issuer', () => forged({ iss: 'https://evil.example' }), 'invalid'],
    ['audience', () => forged({ aud: 'other-service' }), 'invalid'],
    ['type', () => forged({}, { typ: 'refresh+jwt' }), 'invalid'],
    ['key_header', () => forged({}, { jku: 'https://evil.example/jwks' }), 'invalid'],
  ];
  it.each(cases)('names %s, and verifyToken gives the same coarse reason', async (code, make, reason) => {
    const token = await make();
    expect(await explainRejection('access', token)).toMatchObject({ ok: false, code, reason });
    expect(await verifyToken('access', token)).toEqual({ ok: false, reason });
  });

  // Signed with the real key, so only the shape checks after the signature can refuse them.
  async function signedPayload(payload: Record<string, unknown>, header: Record<string, unknown> = {}) {
    return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', ...header }).sign(key());
  }
  function payload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    return { iss: env().AUTH_ISSUER, aud: env().AUTH_AUDIENCE, sub: 'u', sid: uuidv7(), jti: uuidv7(), iat: now, exp: now + 60, ...overrides };
  }

  it.each(['exp', 'iat', 'jti', 'sub', 'sid'])('names the missing claim when a signed token has no %s', async (claim) => {
    const rest = payload();
    delete rest[claim];
    expect(await explainRejection('access', await signedPayload(rest))).toEqual({ ok: false, reason: 'invalid', code: 'missing_claim', claim });
  });

  it.each([
    ['sub', 42],
    ['sid', 42],
    ['jti', 42],
    ['jti', ['0190a0a0-0000-7000-8000-000000000000']],
    ['sid', 'not-a-uuid'],
    ['scope', ['cart:read']],
  ])('refuses a signed token whose %s is %j as a claims problem, not a crash', async (claim, value) => {
    const token = await signedPayload(payload({ [claim]: value }));
    expect(await explainRejection('access', token)).toEqual({ ok: false, reason: 'invalid', code: 'claims' });
    expect(await verifyToken('access', token)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('names a header that is not JSON, a kid too long or not a string, and a lifetime past the access TTL', async () => {
    // Three base64url segments (the shape passes) whose header does not decode to JSON.
    expect(await explainRejection('access', 'bm90LWpzb24.e30.c2ln')).toEqual({ ok: false, reason: 'malformed', code: 'malformed' });
    expect(await explainRejection('access', await signedPayload(payload(), { kid: 'k'.repeat(65) }))).toEqual({ ok: false, reason: 'invalid', code: 'key_header' });
    expect(await explainRejection('access', await signedPayload(payload(), { kid: 7 }))).toEqual({ ok: false, reason: 'invalid', code: 'key_header' });
    const now = Math.floor(Date.now() / 1000);
    const tooLong = await signedPayload(payload({ iat: now, exp: now + env().AUTH_ACCESS_TTL + 1 }));
    expect(await explainRejection('access', tooLong)).toEqual({ ok: false, reason: 'invalid', code: 'lifetime' });
  });

  it('names a refresh token issued longer ago than a refresh token lives "too old", even with a later exp', async () => {
    const now = Math.floor(Date.now() / 1000);
    const ttl = env().AUTH_REFRESH_TTL;
    const token = await signedPayload(payload({ iat: now - ttl - 100, exp: now + 100 }), { typ: 'refresh+jwt' });
    expect(await explainRejection('refresh', token)).toEqual({ ok: false, reason: 'expired', code: 'too_old', claim: 'iat' });
  });

  it('names an expired token', async () => {
    const { token } = await signToken('access', { sub: 'u', sid: uuidv7() }, Date.now() - 3600_000);
    expect(await explainRejection('access', token)).toMatchObject({ ok: false, code: 'expired', reason: 'expired' });
  });
});
