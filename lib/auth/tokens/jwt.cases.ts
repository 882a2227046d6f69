// Token verification cases shared by lib/auth/tokens/jwt.test.ts (Node) and jwt.edge.test.ts
// (edge-runtime): the token module must refuse the same forgeries on both runtimes.
//
// Forged tokens are built the way an attacker would: with jose's SignJWT and the real secret (to
// prove a claim check, not the signature, refuses them), or by hand with base64url.
import { SignJWT, base64url, decodeJwt, decodeProtectedHeader } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { CLOCK_TOLERANCE_SECONDS, MAX_TOKEN_LENGTH, TOKEN_TYPES, clearVerifyMemo, signToken, verifyToken, type TokenKind } from './jwt';
import { resetKeysForTests } from './keys';
import { uuidv7 } from './uuid';

const ISSUER = 'jwt-cookie-shop';
const AUDIENCE = 'jwt-cookie-shop';
const ACCESS_TTL = 900;

function secretBytes(): Uint8Array {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET must be set for the token tests (see test/test-env.ts)');
  return new TextEncoder().encode(secret);
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Valid claims for an access token right now; override or delete members to forge. */
function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = nowSeconds();
  return {
    iss: ISSUER,
    aud: AUDIENCE,
    sub: 'user-1',
    sid: uuidv7(),
    jti: uuidv7(),
    iat,
    exp: iat + ACCESS_TTL,
    ...overrides,
  };
}

/** Signs arbitrary claims and header with the app's own secret (HS256 unless told otherwise). */
async function forge(
  payload: Record<string, unknown>,
  header: Record<string, unknown> = {},
  key: Uint8Array = secretBytes(),
): Promise<string> {
  const clean = Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== undefined));
  return new SignJWT(clean)
    .setProtectedHeader({ alg: 'HS256', typ: TOKEN_TYPES.access, ...header } as never)
    .sign(key);
}

const b64json = (value: unknown) => base64url.encode(JSON.stringify(value));

function segments(token: string): [string, string, string] {
  const [h, p, s] = token.split('.');
  return [h!, p!, s!];
}

async function expectRefused(kind: TokenKind, token: string, reason?: 'malformed' | 'expired' | 'invalid') {
  const result = await verifyToken(kind, token);
  expect(result.ok).toBe(false);
  if (reason && !result.ok) expect(result.reason).toBe(reason);
}

export function defineJwtCases(): void {
  beforeEach(() => {
    resetEnvForTests();
    resetKeysForTests();
    clearVerifyMemo();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  describe('round trip', () => {
    it('verifies an access token it signed and returns its claims', async () => {
      const sid = uuidv7();
      const { token, claims: issued } = await signToken('access', { sub: 'user-42', sid });
      const result = await verifyToken('access', token);
      expect(result).toEqual({ ok: true, claims: issued });
      expect(issued.sub).toBe('user-42');
      expect(issued.sid).toBe(sid);
      expect(issued.exp - issued.iat).toBe(ACCESS_TTL);
      const header = decodeProtectedHeader(token);
      expect(header).toMatchObject({ alg: 'HS256', typ: 'at+jwt' });
      expect(decodeJwt(token)).toMatchObject({ iss: ISSUER, aud: AUDIENCE, sub: 'user-42', sid });
    });

    it('verifies a refresh token as a refresh token, with the refresh lifetime', async () => {
      const { token, claims: issued } = await signToken('refresh', { sub: 'user-42', sid: uuidv7() });
      expect(issued.exp - issued.iat).toBe(14 * 24 * 3600);
      expect(decodeProtectedHeader(token).typ).toBe('refresh+jwt');
      expect(await verifyToken('refresh', token)).toEqual({ ok: true, claims: issued });
    });

    it('accepts a token forged with every claim right (so the refusals below are about one claim each)', async () => {
      const token = await forge(claims());
      expect((await verifyToken('access', token)).ok).toBe(true);
    });

    it('puts no personal data in the token beyond sub', async () => {
      const { token } = await signToken('access', { sub: 'user-42', sid: uuidv7() });
      expect(Object.keys(decodeJwt(token)).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'sid', 'sub']);
    });
  });

  describe('signature', () => {
    it('refuses a token whose signature was replaced', async () => {
      const { token } = await signToken('access', { sub: 'u', sid: uuidv7() });
      const [h, p, s] = segments(token);
      const other = segments(await forge(claims()))[2];
      expect(other).not.toBe(s);
      await expectRefused('access', `${h}.${p}.${other}`, 'invalid');
      // One flipped character in the middle of the signature.
      const i = 10;
      const flipped = s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
      await expectRefused('access', `${h}.${p}.${flipped}`, 'invalid');
    });

    it('refuses a token signed with another secret', async () => {
      const other = new TextEncoder().encode('another-secret-of-enough-length-0123456789abcdef');
      await expectRefused('access', await forge(claims(), {}, other), 'invalid');
    });

    it('refuses a token whose payload was edited (sub changed to another user)', async () => {
      const { token } = await signToken('access', { sub: 'user-1', sid: uuidv7() });
      const [h, p, s] = segments(token);
      const payload = JSON.parse(new TextDecoder().decode(base64url.decode(p)));
      payload.sub = 'admin';
      await expectRefused('access', `${h}.${b64json(payload)}.${s}`, 'invalid');
    });

    it('refuses a token whose header was edited (typ swapped) with the signature kept', async () => {
      const { token } = await signToken('refresh', { sub: 'u', sid: uuidv7() });
      const [, p, s] = segments(token);
      await expectRefused('access', `${b64json({ alg: 'HS256', typ: 'at+jwt' })}.${p}.${s}`, 'invalid');
    });

    for (const alg of ['HS384', 'HS512'] as const) {
      it(`refuses ${alg} even when signed with the same secret`, async () => {
        await expectRefused('access', await forge(claims(), { alg }), 'invalid');
      });
    }

    for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
      it(`refuses alg "${alg}" without a signature and with one`, async () => {
        const header = b64json({ alg, typ: 'at+jwt' });
        const payload = b64json(claims());
        await expectRefused('access', `${header}.${payload}.`);
        const realSignature = segments(await forge(claims()))[2];
        await expectRefused('access', `${header}.${payload}.${realSignature}`);
      });
    }
  });

  describe('claims', () => {
    it('refuses a refresh token presented as an access token, and the reverse', async () => {
      const sid = uuidv7();
      const refresh = await signToken('refresh', { sub: 'u', sid });
      const access = await signToken('access', { sub: 'u', sid });
      await expectRefused('access', refresh.token, 'invalid');
      await expectRefused('refresh', access.token, 'invalid');
    });

    it('will not verify for a kind it does not know (which would check no typ at all)', async () => {
      const { token } = await signToken('access', { sub: 'u', sid: uuidv7() });
      for (const kind of ['', 'toString', 'ACCESS']) {
        await expect(verifyToken(kind as TokenKind, token)).rejects.toThrow(/unknown token kind/);
      }
    });

    it('refuses a generic typ "JWT" and a missing typ', async () => {
      await expectRefused('access', await forge(claims(), { typ: 'JWT' }), 'invalid');
      await expectRefused('access', await forge(claims(), { typ: undefined }), 'invalid');
    });

    it('refuses a wrong issuer, and a missing one', async () => {
      await expectRefused('access', await forge(claims({ iss: 'https://evil.example' })), 'invalid');
      await expectRefused('access', await forge(claims({ iss: undefined })), 'invalid');
    });

    it('refuses a wrong audience, and a missing one', async () => {
      await expectRefused('access', await forge(claims({ aud: 'another-app' })), 'invalid');
      await expectRefused('access', await forge(claims({ aud: ['another-app'] })), 'invalid');
      await expectRefused('access', await forge(claims({ aud: undefined })), 'invalid');
    });

    it('refuses an expired token (past the clock tolerance) as expired, accepts one within it', async () => {
      const iat = nowSeconds() - ACCESS_TTL - CLOCK_TOLERANCE_SECONDS - 2;
      await expectRefused('access', await forge(claims({ iat, exp: iat + ACCESS_TTL })), 'expired');
      const lateIat = nowSeconds() - ACCESS_TTL - 1; // expired 1 s ago: inside the tolerance
      expect((await verifyToken('access', await forge(claims({ iat: lateIat, exp: lateIat + ACCESS_TTL })))).ok).toBe(true);
    });

    it('refuses an expired token it signed itself', async () => {
      const { token } = await signToken('access', { sub: 'u', sid: uuidv7() }, Date.now() - (ACCESS_TTL + 60) * 1000);
      await expectRefused('access', token, 'expired');
    });

    it('refuses a token without exp', async () => {
      await expectRefused('access', await forge(claims({ exp: undefined })), 'invalid');
    });

    it('refuses a token without iat', async () => {
      await expectRefused('access', await forge(claims({ iat: undefined })), 'invalid');
    });

    it('refuses a token issued in the future', async () => {
      const iat = nowSeconds() + 60;
      await expectRefused('access', await forge(claims({ iat, exp: iat + ACCESS_TTL })));
    });

    it('refuses a token older than its lifetime even when its exp was stretched (maxTokenAge)', async () => {
      const iat = nowSeconds() - ACCESS_TTL - CLOCK_TOLERANCE_SECONDS - 30;
      await expectRefused('access', await forge(claims({ iat, exp: nowSeconds() + 3600 })));
      // A sign-in token whose exp outlives AUTH_ACCESS_TTL is refused outright.
      const fresh = nowSeconds();
      await expectRefused('access', await forge(claims({ iat: fresh, exp: fresh + 3600 })));
    });

    it('refuses tokens missing sid, jti or sub', async () => {
      await expectRefused('access', await forge(claims({ sid: undefined })), 'invalid');
      await expectRefused('access', await forge(claims({ jti: undefined })), 'invalid');
      await expectRefused('access', await forge(claims({ sub: undefined })), 'invalid');
    });

    it('refuses claims of the wrong type or shape (sid/jti not UUIDv7, numeric sub, non-string scope)', async () => {
      await expectRefused('access', await forge(claims({ sid: 'session-1' })), 'invalid');
      await expectRefused('access', await forge(claims({ jti: '123e4567-e89b-42d3-a456-426614174000' })), 'invalid');
      await expectRefused('access', await forge(claims({ sub: 42 })), 'invalid');
      await expectRefused('access', await forge(claims({ scope: ['admin'] })), 'invalid');
    });
  });

  describe('headers that locate keys', () => {
    const otherKeyJwk = { kty: 'oct', k: base64url.encode('attacker-chosen-key-attacker-chosen-key') };
    const cases: [string, unknown][] = [
      ['jku', 'https://evil.example/jwks.json'],
      ['x5u', 'https://evil.example/cert.pem'],
      ['jwk', otherKeyJwk],
      ['x5c', ['MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA']],
    ];
    for (const [name, value] of cases) {
      it(`refuses a correctly signed token carrying a "${name}" header`, async () => {
        await expectRefused('access', await forge(claims(), { [name]: value }), 'invalid');
      });
    }

    it('refuses an absurd kid', async () => {
      await expectRefused('access', await forge(claims(), { kid: 'k'.repeat(200) }), 'invalid');
      await expectRefused('access', await forge(claims(), { kid: 7 }), 'invalid');
    });
  });

  describe('shape and size', () => {
    it('refuses oversize tokens before parsing', async () => {
      const huge = await forge(claims({ pad: 'x'.repeat(MAX_TOKEN_LENGTH) }));
      expect(huge.length).toBeGreaterThan(MAX_TOKEN_LENGTH);
      await expectRefused('access', huge, 'malformed');
      await expectRefused('access', 'a'.repeat(100_000), 'malformed');
    });

    it('refuses malformed shapes', async () => {
      const good = await forge(claims());
      const [h, p, s] = segments(good);
      const shapes = [
        '',
        ' ',
        'abc',
        `${h}.${p}`,
        `${h}.${p}.${s}.${s}`,
        `${h}.${p}.${s}.`,
        `.${p}.${s}`,
        `${h}..${s}`,
        ` ${good}`,
        `${good} `,
        `${h}.${p}.${s}=`,
        `${h}.${p}.${s.replace(/./, '+')}`,
        JSON.stringify({ protected: h, payload: p, signature: s }),
        `${b64json('not an object')}.${p}.${s}`,
        `${base64url.encode('{not json')}.${p}.${s}`,
        `${h}.${base64url.encode('{not json')}.${s}`,
        `${h}.${b64json([1, 2, 3])}.${s}`,
      ];
      for (const shape of shapes) {
        const result = await verifyToken('access', shape);
        expect(result.ok, `accepted ${JSON.stringify(shape.slice(0, 80))}`).toBe(false);
      }
      expect((await verifyToken('access', good)).ok).toBe(true);
    });
  });

  describe('verification memo', () => {
    it('returns the same claims on a repeated verification, and stops accepting at exp', async () => {
      const { token, claims: issued } = await signToken('access', { sub: 'u', sid: uuidv7() });
      const first = await verifyToken('access', token);
      const second = await verifyToken('access', token);
      expect(first).toEqual({ ok: true, claims: issued });
      expect(second).toEqual(first);
      // Still fine just before exp (+ tolerance), refused after it, even though it is memoised.
      expect((await verifyToken('access', token, (issued.exp + CLOCK_TOLERANCE_SECONDS - 1) * 1000)).ok).toBe(true);
      expect(await verifyToken('access', token, (issued.exp + CLOCK_TOLERANCE_SECONDS + 1) * 1000)).toEqual({
        ok: false,
        reason: 'expired',
      });
      // And a later call at the real time does not resurrect a wrongly cached verdict.
      expect((await verifyToken('access', token)).ok).toBe(true);
    });

    it('does not let a memoised access token pass as a refresh token', async () => {
      const { token } = await signToken('access', { sub: 'u', sid: uuidv7() });
      expect((await verifyToken('access', token)).ok).toBe(true);
      await expectRefused('refresh', token, 'invalid');
    });
  });

  describe('keys', () => {
    it('imports the key once per process, not per token', async () => {
      const importKey = vi.spyOn(crypto.subtle, 'importKey');
      const tokens = await Promise.all(
        Array.from({ length: 20 }, (_, i) => signToken(i % 2 ? 'access' : 'refresh', { sub: `u${i}`, sid: uuidv7() })),
      );
      for (const [i, { token }] of tokens.entries()) {
        expect((await verifyToken(i % 2 ? 'access' : 'refresh', token)).ok).toBe(true);
      }
      expect(importKey).toHaveBeenCalledTimes(1);
    });
  });
}
