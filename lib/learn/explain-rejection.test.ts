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

  it('names an expired token', async () => {
    const { token } = await signToken('access', { sub: 'u', sid: uuidv7() }, Date.now() - 3600_000);
    expect(await explainRejection('access', token)).toMatchObject({ ok: false, code: 'expired', reason: 'expired' });
  });
});
