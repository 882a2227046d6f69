// 1. Forged tokens (RFC 8725 §2–3, OWASP JWT cheat sheet, ASVS 5 V9): every forgery is refused by
// the production server, by cookie and by Bearer, with 401 (or a redirect to sign-in for pages),
// never 500, never the victim's data. Where a forgery needs a good signature with a wrong claim,
// it is signed with the test AUTH_SECRET, so only the claim check can be what refuses it.
import { createHmac } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { TEST_AUTH_SECRET as TEST_SECRET_TEXT } from '../../test/test-env.ts';
import { SECURITY_PRIVATE_JWK } from '../support/servers.ts';
import {
  MAIN,
  SEC,
  SECRET,
  b64,
  createVictim,
  expectNoPrivateData,
  expectRefusedStatus,
  recordingListener,
  signWithSecret,
  uuidv7,
  validClaims,
  type Victim,
} from './support.ts';

test.describe.configure({ mode: 'parallel' });

let victim: Victim;
let secVictim: Victim;
let listener: Awaited<ReturnType<typeof recordingListener>>;

test.beforeAll(async () => {
  listener = await recordingListener();
  victim = await createVictim(MAIN, { order: true });
  secVictim = await createVictim(SEC);
});

test.afterAll(async () => {
  // Nothing was ever fetched from the jku/x5u/jwk/x5c listener, by either server.
  expect(listener.requests.map((r) => r.url)).toEqual([]);
  await listener.close();
  await victim.api.dispose();
  await secVictim.api.dispose();
});

function parts(token: string): [string, string, string] {
  const [a, b, c] = token.split('.');
  return [a!, b!, c!];
}

/** HMAC-SHA256 by hand (WebCrypto refuses an empty key; a naive verifier would not). */
function hmacToken(header: Record<string, unknown>, claims: Record<string, unknown>, key: string): string {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

type Forge = (v: Victim) => Promise<string> | string;

/** Forgeries against the main server (HS256 with AUTH_SECRET). */
const MAIN_CASES: Record<string, Forge> = {
  ...Object.fromEntries(
    ['none', 'None', 'NONE', 'nOnE'].map((alg) => [
      `alg:${alg}, empty signature`,
      (v: Victim) => `${b64({ alg, typ: 'at+jwt' })}.${b64(validClaims(v.id))}.`,
    ]),
  ),
  'alg:none keeping the real signature': (v) => {
    const [, payload, signature] = parts(v.access);
    return `${b64({ alg: 'none', typ: 'at+jwt' })}.${payload}.${signature}`;
  },
  'signature stripped (two segments)': (v) => parts(v.access).slice(0, 2).join('.'),
  'signature stripped (trailing dot)': (v) => parts(v.access).slice(0, 2).join('.') + '.',
  'signature truncated': (v) => v.access.slice(0, -6),
  'signature of another token': async (v) => {
    const other = await signWithSecret(validClaims(v.id));
    const [hh, pp] = parts(v.access);
    return `${hh}.${pp}.${parts(other)[2]}`;
  },
  'payload edited (sub swapped, signature kept)': async (v) => {
    const attacker = await createVictim(MAIN);
    await attacker.api.dispose();
    const [hh, payload, sig] = parts(attacker.access);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    return `${hh}.${b64({ ...claims, sub: v.id })}.${sig}`;
  },
  'payload edited (exp extended)': (v) => {
    const [hh, payload, sig] = parts(v.access);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, number>;
    return `${hh}.${b64({ ...claims, exp: claims.exp! + 86_400 })}.${sig}`;
  },
  'HS384 with the real secret': (v) => new SignJWT(validClaims(v.id)).setProtectedHeader({ alg: 'HS384', typ: 'at+jwt' }).sign(SECRET),
  'HS512 with the real secret': (v) => new SignJWT(validClaims(v.id)).setProtectedHeader({ alg: 'HS512', typ: 'at+jwt' }).sign(SECRET),
  'RS256 header over an HMAC signature': async (v) => {
    const good = await signWithSecret(validClaims(v.id));
    const [, pp, sig] = parts(good);
    return `${b64({ alg: 'RS256', typ: 'at+jwt' })}.${pp}.${sig}`;
  },
  'RS256 signed with an attacker key': async (v) => {
    const { privateKey } = await generateKeyPair('RS256');
    return new SignJWT(validClaims(v.id)).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt' }).sign(privateKey);
  },
  'HS256 with a guessed secret': (v) => signWithSecret(validClaims(v.id), {}, new TextEncoder().encode('secret')),
  'exp missing': (v) => signWithSecret(validClaims(v.id, { exp: undefined })),
  'iat missing': (v) => signWithSecret(validClaims(v.id, { iat: undefined })),
  'jti missing': (v) => signWithSecret(validClaims(v.id, { jti: undefined })),
  'sid missing': (v) => signWithSecret(validClaims(v.id, { sid: undefined })),
  'expired (exp 10 minutes ago)': (v) => {
    const now = Math.floor(Date.now() / 1000);
    return signWithSecret(validClaims(v.id, { iat: now - 1500, exp: now - 600 }));
  },
  'nbf in the future': (v) => signWithSecret(validClaims(v.id, { nbf: Math.floor(Date.now() / 1000) + 3600 })),
  'iat in the future': (v) => {
    const future = Math.floor(Date.now() / 1000) + 3600;
    return signWithSecret(validClaims(v.id, { iat: future, exp: future + 900 }));
  },
  'very old iat with a fresh exp': (v) => {
    const now = Math.floor(Date.now() / 1000);
    return signWithSecret(validClaims(v.id, { iat: now - 30 * 86_400, exp: now + 600 }));
  },
  'lifetime longer than allowed (exp in a year, no scope)': (v) => {
    const now = Math.floor(Date.now() / 1000);
    return signWithSecret(validClaims(v.id, { exp: now + 365 * 86_400 }));
  },
  'wrong issuer': (v) => signWithSecret(validClaims(v.id, { iss: 'https://evil.example' })),
  'wrong audience': (v) => signWithSecret(validClaims(v.id, { aud: 'another-app' })),
  'audience array without ours': (v) => signWithSecret(validClaims(v.id, { aud: ['another-app', 'third'] })),
  'typ missing': (v) => new SignJWT(validClaims(v.id)).setProtectedHeader({ alg: 'HS256' }).sign(SECRET),
  'typ JWT': (v) => signWithSecret(validClaims(v.id), { typ: 'JWT' }),
  'refresh token used as access token': (v) => v.refresh,
  'jti not a UUIDv7': (v) => signWithSecret(validClaims(v.id, { jti: 'admin' })),
  'sub of a user that does not exist': () => signWithSecret(validClaims(uuidv7())),
  // The kid attacks: a kid that would make a naive verifier load an empty file or a value the
  // attacker chose, with the token signed by that key. The app never lets kid pick a key.
  'kid path traversal to /dev/null, signed with an empty key': (v) => hmacToken({ alg: 'HS256', typ: 'at+jwt', kid: '../../../../../../dev/null' }, validClaims(v.id), ''),
  'kid SQL injection, signed with the injected value': (v) =>
    hmacToken({ alg: 'HS256', typ: 'at+jwt', kid: "x' UNION SELECT 'attacker-key' --" }, validClaims(v.id), 'attacker-key'),
  'kid of 10 kB': (v) => signWithSecret(validClaims(v.id), { kid: 'k'.repeat(10_240) }),
  'kid not a string': (v) => signWithSecret(validClaims(v.id), { kid: { $ne: null } }),
  'jku at a local listener': (v) => signWithSecret(validClaims(v.id), { jku: `${listener.url}/jwks.json` }),
  'x5u at a local listener': (v) => signWithSecret(validClaims(v.id), { x5u: `${listener.url}/cert.pem` }),
  'embedded jwk (symmetric, the secret itself)': (v) =>
    signWithSecret(validClaims(v.id), { jwk: { kty: 'oct', k: Buffer.from(SECRET).toString('base64url') }, x5u: `${listener.url}/x` }),
  'x5c chain': (v) => signWithSecret(validClaims(v.id), { x5c: ['MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'] }),
  'crit header with an unknown extension': (v) =>
    hmacToken({ alg: 'HS256', typ: 'at+jwt', crit: ['exp-ext'], 'exp-ext': true }, validClaims(v.id), TEST_SECRET_TEXT),
  'four segments': (v) => `${v.access}.${parts(v.access)[2]}`,
  'JSON serialization': (v) => {
    const [protectedHeader, payload, signature] = parts(v.access);
    return JSON.stringify({ protected: protectedHeader, payload, signature });
  },
  'JWE-shaped (five segments)': (v) => `${b64({ alg: 'dir', enc: 'A256GCM' })}..${parts(v.access)[1]}..`,
  'payload not JSON': () => `${b64({ alg: 'HS256', typ: 'at+jwt' })}.${b64('not json')}.AAAA`,
  'non-base64url characters': (v) => v.access.replace(/\./, '.!$'),
  'empty token': () => '',
  '5 kB token (over the size limit)': (v) => signWithSecret(validClaims(v.id, { pad: 'x'.repeat(5000) })),
};

async function expectRefusedEverywhere(request: APIRequestContext, baseURL: string, token: string, transport: 'cookie' | 'bearer', v: Victim, name: string) {
  const headers: Record<string, string> = transport === 'bearer' ? { Authorization: `Bearer ${token}` } : { Cookie: `access=${token}` };
  for (const path of ['/api/me', '/api/orders', '/api/cart']) {
    const response = await request.get(`${baseURL}${path}`, { headers, maxRedirects: 0 });
    const context = `${name} via ${transport} on ${path}`;
    expectRefusedStatus(response, context);
    expect(response.status(), context).not.toBe(200);
    expectNoPrivateData(await response.text(), v, context);
  }
  if (transport === 'cookie') {
    const page = await request.get(`${baseURL}/account`, { headers, maxRedirects: 0 });
    // 303 from the middleware, or 307 from the page's own session check (the DAL) when only the
    // database can tell (revoked, unknown user).
    expect([303, 307], `${name}: /account`).toContain(page.status());
    expect(page.headers().location).toContain('/login?next=%2Faccount');
    expectNoPrivateData(await page.text(), v, `${name}: /account`);
  } else {
    // A Bearer header never opens a page, forged or not.
    const page = await request.get(`${baseURL}/orders`, { headers, maxRedirects: 0 });
    expect(page.status()).toBeGreaterThanOrEqual(300);
    expect(page.status()).toBeLessThan(400);
  }
}

test.describe('1 forged tokens · main server (HS256)', () => {
  test('control: the real token opens /api/me by cookie and by Bearer', async ({ request }) => {
    for (const headers of [{ Authorization: `Bearer ${victim.access}` }, { Cookie: `access=${victim.access}` }] as Record<string, string>[]) {
      const response = await request.get(`${MAIN}/api/me`, { headers });
      expect(response.status()).toBe(200);
    }
  });

  for (const [name, forge] of Object.entries(MAIN_CASES)) {
    for (const transport of ['cookie', 'bearer'] as const) {
      test(`${name} · ${transport}`, async ({ request }) => {
        const token = await forge(victim);
        await expectRefusedEverywhere(request, MAIN, token, transport, victim, name);
      });
    }
  }

  test('1 MB cookie and 1 MB Authorization header: refused (maybe 431), never 500', async ({ request }) => {
    const huge = 'A'.repeat(1024 * 1024);
    for (const headers of [{ Cookie: `access=${huge}` }, { Authorization: `Bearer ${huge}` }] as Record<string, string>[]) {
      const response = await request.get(`${MAIN}/api/me`, { headers, maxRedirects: 0 }).catch((error: Error) => error);
      if (response instanceof Error) {
        // Node may cut the connection on a header this large: also a refusal, and not a crash.
        expect(/socket|ECONNRESET|EPIPE|closed|hang up/i.test(response.message.slice(0, 200)), response.message.slice(0, 200)).toBe(true);
      } else {
        expect([400, 401, 413, 431]).toContain(response.status());
      }
    }
    // The server is still up.
    expect((await request.get(`${MAIN}/api/health`)).status()).toBe(200);
  });

  test('a token signed out is dead by cookie and Bearer; a reused refresh token is refused', async ({ request }) => {
    const v = await createVictim(MAIN);
    const out = await v.api.post('/api/auth/logout', { headers: { Origin: new URL(MAIN).origin } });
    expect(out.status()).toBe(204);
    await expectRefusedEverywhere(request, MAIN, v.access, 'bearer', v, 'signed-out token');
    await expectRefusedEverywhere(request, MAIN, v.access, 'cookie', v, 'signed-out token');
    const refresh = await request.post(`${MAIN}/api/auth/token`, { form: { grant_type: 'refresh_token', refresh_token: v.refresh } });
    expect(refresh.status()).toBe(400);
    expect(await refresh.json()).toMatchObject({ error: 'invalid_grant' });
    await v.api.dispose();
  });

  test('forged refresh tokens: access token, alg none, edited sub: refused by the refresh route and the token endpoint', async ({ request }) => {
    const forgeries = [
      victim.access,
      `${b64({ alg: 'none', typ: 'refresh+jwt' })}.${b64({ ...validClaims(victim.id), exp: Math.floor(Date.now() / 1000) + 86_400 })}.`,
      await signWithSecret(validClaims(victim.id, { iss: 'evil' }), { typ: 'refresh+jwt' }),
    ];
    for (const token of forgeries) {
      const viaCookie = await request.post(`${MAIN}/api/auth/refresh`, {
        headers: { Origin: new URL(MAIN).origin, Cookie: `refresh=${token}` },
      });
      expect(viaCookie.status()).toBe(401);
      expect(viaCookie.headers()['set-cookie'] ?? '').not.toMatch(/access=[^;]+\./);
      const grant = await request.post(`${MAIN}/api/auth/token`, { form: { grant_type: 'refresh_token', refresh_token: token } });
      expect(grant.status()).toBe(400);
      expect(await grant.json()).toMatchObject({ error: 'invalid_grant' });
    }
  });
});

/** Forgeries against the asymmetric (EdDSA) server. */
const publicJwk: JWK = { kty: 'OKP', crv: 'Ed25519', x: SECURITY_PRIVATE_JWK.x };
const SEC_CASES: Record<string, Forge> = {
  'HS256 signed with the public key (raw x bytes)': (v) =>
    signWithSecret(validClaims(v.id), { kid: SECURITY_PRIVATE_JWK.kid }, Buffer.from(SECURITY_PRIVATE_JWK.x, 'base64url')),
  'HS256 signed with the public JWK as JSON text': (v) =>
    signWithSecret(validClaims(v.id), { kid: SECURITY_PRIVATE_JWK.kid }, new TextEncoder().encode(JSON.stringify({ ...publicJwk, kid: SECURITY_PRIVATE_JWK.kid }))),
  'HS256 signed with the x string': (v) =>
    signWithSecret(validClaims(v.id), { kid: SECURITY_PRIVATE_JWK.kid }, new TextEncoder().encode(SECURITY_PRIVATE_JWK.x)),
  'alg:none with the real kid': (v) => `${b64({ alg: 'none', typ: 'at+jwt', kid: SECURITY_PRIVATE_JWK.kid })}.${b64(validClaims(v.id))}.`,
  'EdDSA from an attacker key with the real kid': async (v) => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    return new SignJWT(validClaims(v.id)).setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: SECURITY_PRIVATE_JWK.kid }).sign(privateKey);
  },
  'EdDSA from an attacker key, its public key embedded as jwk': async (v) => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const jwk = await exportJWK(publicKey);
    return new SignJWT(validClaims(v.id)).setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: SECURITY_PRIVATE_JWK.kid, jwk }).sign(privateKey);
  },
  'EdDSA from an attacker key, jku at a local listener': async (v) => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    return new SignJWT(validClaims(v.id))
      .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: 'attacker', jku: `${listener.url}/.well-known/jwks.json` })
      .sign(privateKey);
  },
  'EdDSA from an attacker key, x5u at a local listener': async (v) => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    return new SignJWT(validClaims(v.id)).setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', x5u: `${listener.url}/cert.pem` }).sign(privateKey);
  },
  'ES256 header from an attacker key': async (v) => {
    const { privateKey } = await generateKeyPair('ES256');
    return new SignJWT(validClaims(v.id)).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: SECURITY_PRIVATE_JWK.kid }).sign(privateKey);
  },
  'good EdDSA signature, unknown kid': async (v) => {
    const key = await import('jose').then((jose) => jose.importJWK({ ...SECURITY_PRIVATE_JWK }, 'EdDSA'));
    return new SignJWT(validClaims(v.id)).setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: '../../etc/passwd' }).sign(key);
  },
  'good EdDSA signature, wrong audience': async (v) => {
    const key = await import('jose').then((jose) => jose.importJWK({ ...SECURITY_PRIVATE_JWK }, 'EdDSA'));
    return new SignJWT(validClaims(v.id, { aud: 'elsewhere' })).setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: SECURITY_PRIVATE_JWK.kid }).sign(key);
  },
  'a token of the HS256 server': () => victim.access,
  'refresh token used as access token': (v) => v.refresh,
};

test.describe('1 forged tokens · asymmetric server (EdDSA)', () => {
  test('control: the real EdDSA token works', async ({ request }) => {
    const response = await request.get(`${SEC}/api/me`, { headers: { Authorization: `Bearer ${secVictim.access}` } });
    expect(response.status()).toBe(200);
  });

  for (const [name, forge] of Object.entries(SEC_CASES)) {
    for (const transport of ['cookie', 'bearer'] as const) {
      test(`${name} · ${transport}`, async ({ request }) => {
        const token = await forge(secVictim);
        await expectRefusedEverywhere(request, SEC, token, transport, secVictim, name);
      });
    }
  }
});
