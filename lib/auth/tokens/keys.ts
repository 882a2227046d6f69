// Signing and verification keys, imported once per process (never on the request path).
//
// Two modes:
// - HS256 (default): one shared secret, AUTH_SECRET. Simple; only this app can verify.
// - EdDSA or ES256: AUTH_JWT_PRIVATE_KEY signs (a JWK with a `kid`); AUTH_JWT_PUBLIC_KEYS lists
//   every public key that still verifies (the current one plus any being retired). Other services
//   can verify with the public keys at /.well-known/jwks.json.
//
// Whatever a token's header says (kid, jku, x5u, jwk, x5c), a key only ever comes from this set.
// Runtime-neutral: Web Crypto through jose, no Node built-ins.
import { createLocalJWKSet, importJWK, type CryptoKey, type JSONWebKeySet, type JWK, type JWTVerifyGetKey } from 'jose';
import { env } from '@/lib/env';

export type SigningAlgorithm = 'HS256' | 'EdDSA' | 'ES256';

export interface KeySet {
  alg: SigningAlgorithm;
  /** The key new tokens are signed with, and its kid (absent in HS256 mode). */
  signingKey: CryptoKey;
  kid?: string;
  /** What jwtVerify is given: one key (HS256) or a local key set chosen by kid (asymmetric). */
  verificationKey: CryptoKey | JWTVerifyGetKey;
  /** Public keys to publish (empty in HS256 mode: the secret is never published). */
  jwks: JSONWebKeySet;
}

const PUBLIC_MEMBERS: Record<string, string[]> = {
  OKP: ['kty', 'crv', 'x'],
  EC: ['kty', 'crv', 'x', 'y'],
};

/** Copies only the public members of a JWK: private material can never leak through here. */
export function publicJwk(jwk: JWK, alg: SigningAlgorithm): JWK {
  const members = PUBLIC_MEMBERS[jwk.kty ?? ''];
  if (!members) throw new Error(`Unsupported key type ${jwk.kty} for ${alg}`);
  const out: JWK = { alg, use: 'sig', kid: jwk.kid };
  for (const member of members) (out as Record<string, unknown>)[member] = (jwk as Record<string, unknown>)[member];
  return out;
}

function parseJson<T>(name: string, raw: string): T {
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new Error(`${name} must be JSON (see npm run keys:generate)`);
  }
}

async function loadKeySet(): Promise<KeySet> {
  const config = env();
  if (config.AUTH_JWT_ALG === 'HS256') {
    const bytes = new TextEncoder().encode(config.AUTH_SECRET);
    const key = await crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    return { alg: 'HS256', signingKey: key, verificationKey: key, jwks: { keys: [] } };
  }

  const alg = config.AUTH_JWT_ALG;
  if (!config.AUTH_JWT_PRIVATE_KEY) throw new Error(`AUTH_JWT_PRIVATE_KEY is required when AUTH_JWT_ALG=${alg}`);
  const privateJwk = parseJson<JWK>('AUTH_JWT_PRIVATE_KEY', config.AUTH_JWT_PRIVATE_KEY);
  if (!privateJwk.kid) throw new Error('AUTH_JWT_PRIVATE_KEY needs a "kid"');
  if (!privateJwk.d) throw new Error('AUTH_JWT_PRIVATE_KEY must be a private key (it has no "d")');

  const listed = config.AUTH_JWT_PUBLIC_KEYS ? parseJson<JWK[]>('AUTH_JWT_PUBLIC_KEYS', config.AUTH_JWT_PUBLIC_KEYS) : [];
  if (!Array.isArray(listed)) throw new Error('AUTH_JWT_PUBLIC_KEYS must be a JSON array of JWKs');
  const publicKeys = [publicJwk(privateJwk, alg), ...listed.filter((k) => k.kid !== privateJwk.kid).map((k) => publicJwk(k, alg))];

  const signingKey = (await importJWK({ ...privateJwk, alg }, alg)) as CryptoKey;
  const jwks: JSONWebKeySet = { keys: publicKeys };
  return { alg, signingKey, kid: privateJwk.kid, verificationKey: createLocalJWKSet(jwks), jwks };
}

let keySet: Promise<KeySet> | undefined;

/** The process-wide key set, imported on first use. */
export function getKeySet(): Promise<KeySet> {
  keySet ??= loadKeySet().catch((error: unknown) => {
    keySet = undefined; // a configuration fix followed by a retry should work
    throw error;
  });
  return keySet;
}

export function resetKeysForTests(): void {
  keySet = undefined;
}
