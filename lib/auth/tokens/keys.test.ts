// Asymmetric signing: the published JWKS alone verifies tokens (an offline service can check
// them), private material never leaks into it, and key rotation keeps old tokens alive until the
// old key is retired.
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, type JWK } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { clearVerifyMemo, signToken, verifyToken } from './jwt';
import { getKeySet, resetKeysForTests } from './keys';
import { uuidv7 } from './uuid';

type Alg = 'EdDSA' | 'ES256';

async function keyPair(alg: Alg, kid: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
  return { privateJwk: { ...(await exportJWK(privateKey)), kid }, publicJwk: { ...(await exportJWK(publicKey)), kid } };
}

const saved = { ...process.env };

function configure(alg: Alg | 'HS256', privateJwk?: JWK, publicKeys: JWK[] = []): void {
  process.env.AUTH_JWT_ALG = alg;
  if (privateJwk) process.env.AUTH_JWT_PRIVATE_KEY = JSON.stringify(privateJwk);
  else delete process.env.AUTH_JWT_PRIVATE_KEY;
  process.env.AUTH_JWT_PUBLIC_KEYS = JSON.stringify(publicKeys);
  resetEnvForTests();
  resetKeysForTests();
  clearVerifyMemo();
}

const subject = () => ({ sub: 'user-1', sid: uuidv7() });

beforeEach(() => clearVerifyMemo());
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
  resetKeysForTests();
  clearVerifyMemo();
});

describe.each<Alg>(['EdDSA', 'ES256'])('%s keys', (alg) => {
  it('publishes public keys only, and they alone verify a token offline', async () => {
    const a = await keyPair(alg, 'key-a');
    configure(alg, a.privateJwk);
    const { token } = await signToken('access', subject());
    const { jwks } = await getKeySet();

    const published = JSON.parse(JSON.stringify(jwks)) as { keys: JWK[] };
    expect(published.keys).toHaveLength(1);
    for (const key of published.keys) {
      expect(key).not.toHaveProperty('d');
      expect(key).not.toHaveProperty('p');
      expect(key).not.toHaveProperty('q');
      expect(key.kid).toBe('key-a');
    }
    // A separate service with nothing but the JWKS document:
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(published), { algorithms: [alg] });
    expect(protectedHeader).toMatchObject({ alg, kid: 'key-a', typ: 'at+jwt' });
    expect(payload.sub).toBe('user-1');
  });

  it('keeps tokens of the previous key valid during rotation, and refuses them once it is retired', async () => {
    const a = await keyPair(alg, 'key-a');
    const b = await keyPair(alg, 'key-b');

    configure(alg, a.privateJwk);
    const old = await signToken('access', subject());

    // Rotation: B signs, A still verifies.
    configure(alg, b.privateJwk, [a.publicJwk]);
    const fresh = await signToken('access', subject());
    expect(JSON.parse(Buffer.from(fresh.token.split('.')[0]!, 'base64url').toString()).kid).toBe('key-b');
    expect((await verifyToken('access', old.token)).ok).toBe(true);
    expect((await verifyToken('access', fresh.token)).ok).toBe(true);
    expect((await getKeySet()).jwks.keys.map((k) => k.kid)).toEqual(['key-b', 'key-a']);

    // Retirement: A is gone from the set.
    configure(alg, b.privateJwk, []);
    expect(await verifyToken('access', old.token)).toEqual({ ok: false, reason: 'invalid' });
    expect((await verifyToken('access', fresh.token)).ok).toBe(true);
  });

  it('refuses an HMAC token signed with the public key (algorithm confusion)', async () => {
    const a = await keyPair(alg, 'key-a');
    configure(alg, a.privateJwk);
    const publicBytes = new TextEncoder().encode(JSON.stringify(a.publicJwk));
    const forged = await new SignJWT({ sid: uuidv7() })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: 'key-a' })
      .setIssuer('jwt-cookie-shop')
      .setAudience('jwt-cookie-shop')
      .setSubject('user-1')
      .setJti(uuidv7())
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(publicBytes);
    expect(await verifyToken('access', forged)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a token whose kid is not in the configured set', async () => {
    const a = await keyPair(alg, 'key-a');
    const stranger = await keyPair(alg, 'key-x');
    configure(alg, a.privateJwk);
    configure(alg, stranger.privateJwk);
    const foreign = await signToken('access', subject());
    configure(alg, a.privateJwk);
    expect((await verifyToken('access', foreign.token)).ok).toBe(false);
  });
});

describe('HS256 mode', () => {
  it('publishes no keys: the shared secret is never exposed', async () => {
    configure('HS256');
    expect((await getKeySet()).jwks).toEqual({ keys: [] });
  });

  it('fails fast with the variable named when an asymmetric mode has no private key', async () => {
    configure('EdDSA');
    await expect(getKeySet()).rejects.toThrow(/AUTH_JWT_PRIVATE_KEY/);
  });
});
