// Sign-up, sign-in, /api/me, throttling, CSRF and hostile input, through the real route handlers
// and a real database (SQLite and Postgres projects).
import { describe, expect, it } from 'vitest';
import { resetRateLimitsForTests } from '@/lib/auth/accounts';
import { tokenLifetime } from '@/lib/auth/tokens';
import { db } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { MAX_JSON_BYTES } from '@/lib/http';
import { accessCookie, authCookies, errorBody, parseSetCookie, tokensFrom, uniqueEmail, type CallOptions } from '@/test/auth-requests';
import { api, signedUp, TEST_PASSWORD } from '@/test/auth-routes';

async function userCount(): Promise<number> {
  return (await db()).user.count();
}

describe('POST /api/auth/signup', () => {
  it('201: creates the user with a bcrypt hash and sets the session cookies', async () => {
    const email = uniqueEmail('Signup');
    const response = await api.signup({ body: { email: `  ${email.toUpperCase()} `, password: TEST_PASSWORD, name: '  Ada  ' } });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
    const body = await response.json();
    expect(body).toEqual({ user: { id: expect.any(String), email: email.toLowerCase(), name: 'Ada' } });
    expect(JSON.stringify(body)).not.toMatch(/hash|password/i);

    const cookies = parseSetCookie(response);
    const access = cookies.get('access')!;
    const refresh = cookies.get('refresh')!;
    expect(access.attributes).toMatchObject({ path: '/', httponly: true, 'max-age': String(tokenLifetime('access')) });
    expect(String(access.attributes.samesite).toLowerCase()).toBe('lax');
    expect(refresh.attributes).toMatchObject({ path: '/api/auth', httponly: true, 'max-age': String(14 * 24 * 3600) });
    expect(String(refresh.attributes.samesite).toLowerCase()).toBe('lax');
    // Plain http (APP_URL is http://localhost:3000): no Secure flag, no __Host- prefix.
    expect(access.attributes.secure).toBeUndefined();

    const stored = await (await db()).user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(stored.id).toBe(body.user.id);
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$04\$/);
    expect(stored.passwordHash).not.toContain(TEST_PASSWORD);

    const tokens = tokensFrom(response);
    expect(tokens.accessClaims.sub).toBe(stored.id);
    expect(tokens.accessClaims.sid).toBe(tokens.refreshClaims.sid);
    expect((await api.me({ cookie: accessCookie(tokens) })).status).toBe(200);
  });

  it('409 email_taken for the same email, also differing in case, width or surrounding space', async () => {
    const { email } = await signedUp({ email: uniqueEmail('taken') });
    const [local, domain] = email.split('@') as [string, string];
    const fullWidth = [...local].map((c) => (/[a-z0-9]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
    for (const spelling of [email, email.toUpperCase(), ` ${email}\t`, `${fullWidth}@${domain}`]) {
      const before = await userCount();
      const response = await api.signup({ body: { email: spelling, password: 'another password', name: 'Mallory' } });
      expect(response.status, spelling).toBe(409);
      const body = await errorBody(response);
      expect(body.error.code).toBe('email_taken');
      expect(body.error.fields?.email?.length).toBeGreaterThan(0);
      expect(response.headers.getSetCookie()).toEqual([]);
      expect(await userCount()).toBe(before);
    }
    // The first account's password still works (nothing was overwritten).
    expect((await api.login({ body: { email, password: TEST_PASSWORD } })).status).toBe(200);
  });

  it('400 with a message per bad field, and nothing written', async () => {
    const before = await userCount();
    const email = uniqueEmail('bad');
    const response = await api.signup({ body: { email: 'not-an-email', password: 'short', name: '' } });
    expect(response.status).toBe(400);
    const body = await errorBody(response);
    expect(body.error.code).toBe('invalid_request');
    expect(Object.keys(body.error.fields ?? {})).toEqual(expect.arrayContaining(['email', 'password', 'name']));
    const tooLong = await api.signup({ body: { email, password: 'a'.repeat(73), name: 'Bob' } });
    expect(tooLong.status).toBe(400);
    expect((await errorBody(tooLong)).error.fields?.password).toBeDefined();
    const extra = await api.signup({ body: { email, password: TEST_PASSWORD, name: 'Bob', tokensValidAfter: '2999-01-01' } });
    expect(extra.status).toBe(400);
    expect(await userCount()).toBe(before);
    expect(await (await db()).user.findUnique({ where: { email } })).toBeNull();
  });
});

describe('POST /api/auth/login', () => {
  it('200 with the user and fresh cookies for the right password, whatever the email spelling', async () => {
    const { email, user } = await signedUp();
    const response = await api.login({ body: { email: ` ${email.toUpperCase()} `, password: TEST_PASSWORD } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ user });
    const tokens = tokensFrom(response);
    const meResponse = await api.me({ cookie: accessCookie(tokens) });
    // /api/me also says whether the address is verified (the sign-in answer does not).
    expect(await meResponse.json()).toEqual({ user: { ...user, emailVerified: false } });
  });

  it('a wrong password and an unknown email are indistinguishable: 401 invalid_credentials, same body, no cookies', async () => {
    const { email } = await signedUp();
    const wrong = await api.login({ body: { email, password: 'wrong password!' } });
    const unknown = await api.login({ body: { email: uniqueEmail('nobody'), password: 'wrong password!' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [wrongBody, unknownBody] = [await wrong.text(), await unknown.text()];
    expect(wrongBody).toBe(unknownBody);
    expect(JSON.parse(wrongBody).error.code).toBe('invalid_credentials');
    expect(wrong.headers.getSetCookie()).toEqual([]);
    expect(unknown.headers.getSetCookie()).toEqual([]);
    expect([...wrong.headers.keys()].sort()).toEqual([...unknown.headers.keys()].sort());
  });

  it('429 with Retry-After after repeated failures on one account, even for the right password then', async () => {
    const { email } = await signedUp();
    let status = 0;
    let attempts = 0;
    let response: Response | undefined;
    while (attempts < 40) {
      attempts++;
      response = await api.login({ body: { email, password: `wrong-${attempts}-password` } });
      status = response.status;
      if (status !== 401) break;
    }
    expect(status).toBe(429);
    expect(attempts).toBeGreaterThan(3); // a few honest typos are allowed
    expect(Number(response!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await errorBody(response!)).error.code).toBe('too_many_attempts');
    const right = await api.login({ body: { email, password: TEST_PASSWORD } });
    expect(right.status).toBe(429);
    expect(right.headers.getSetCookie()).toEqual([]);
    // Another account is not affected.
    const other = await signedUp();
    expect((await api.login({ body: { email: other.email, password: TEST_PASSWORD } })).status).toBe(200);
  });

  it('behind a trusted proxy, 5 failures from one address on one account lock that pair', async () => {
    process.env.TRUST_PROXY = 'true';
    resetEnvForTests();
    resetRateLimitsForTests();
    const { email } = await signedUp();
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    for (let i = 0; i < 5; i++) {
      expect((await api.login({ body: { email, password: 'wrong password!' }, headers: from('203.0.113.7') })).status).toBe(401);
    }
    const blocked = await api.login({ body: { email, password: 'wrong password!' }, headers: from('203.0.113.7') });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The owner on another address can still sign in.
    expect((await api.login({ body: { email, password: TEST_PASSWORD }, headers: from('198.51.100.1') })).status).toBe(200);
  });
});

describe('GET /api/me', () => {
  it('200 with the access cookie, and with the same token as a Bearer header', async () => {
    const { tokens, user } = await signedUp();
    const byCookie = await api.me({ cookie: accessCookie(tokens) });
    expect(byCookie.status).toBe(200);
    expect(await byCookie.json()).toEqual({ user: { id: user.id, email: user.email, name: user.name, emailVerified: false } });
    const byBearer = await api.me({ bearer: tokens.access });
    expect(byBearer.status).toBe(200);
    expect(await byBearer.json()).toEqual({ user: { ...user, emailVerified: false } });
    expect(byBearer.headers.get('cache-control')).toMatch(/no-store/);
  });

  it('401 with WWW-Authenticate: Bearer without a credential, with a bad one, or with a refresh token', async () => {
    const { tokens } = await signedUp();
    const cases: CallOptions[] = [
      {},
      { cookie: 'access=garbage' },
      { bearer: 'garbage.token.value' },
      { bearer: tokens.refresh },
      { cookie: `access=${tokens.refresh}` },
      // Bearer wins: a bad Bearer header does not fall back to the good cookie.
      { bearer: 'garbage.token.value', cookie: accessCookie(tokens) },
      { headers: { authorization: 'Basic YWxpY2U6cGFzc3dvcmQ=' }, cookie: accessCookie(tokens) },
    ];
    for (const options of cases) {
      const response = await api.me(options);
      expect(response.status, JSON.stringify(options)).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await errorBody(response)).error.code).toBe('unauthorized');
    }
  });

  it('401 once the user no longer exists', async () => {
    const { tokens, user } = await signedUp();
    await (await db()).user.delete({ where: { id: user.id } });
    expect((await api.me({ cookie: accessCookie(tokens) })).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('logout with a foreign or missing Origin is 403 and changes nothing', async () => {
    const { tokens } = await signedUp();
    const prisma = await db();
    for (const origin of ['https://evil.example', null, 'null']) {
      const response = await api.logout({ origin, cookie: authCookies(tokens) });
      expect(response.status, String(origin)).toBe(403);
      expect((await errorBody(response)).error.code).toBe('forbidden_origin');
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    const cross = await api.logout({ cookie: authCookies(tokens), headers: { 'sec-fetch-site': 'cross-site' } });
    expect(cross.status).toBe(403);
    expect(await prisma.revokedToken.count({ where: { jti: { in: [tokens.accessClaims.jti, tokens.accessClaims.sid] } } })).toBe(0);
    expect((await api.me({ cookie: accessCookie(tokens) })).status).toBe(200);
  });

  it('refresh with a foreign or missing Origin is 403 and does not rotate', async () => {
    const { tokens } = await signedUp();
    for (const origin of ['https://evil.example', null]) {
      const response = await api.refresh({ origin, cookie: authCookies(tokens) });
      expect(response.status).toBe(403);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    expect(await (await db()).revokedToken.count({ where: { jti: tokens.refreshClaims.jti } })).toBe(0);
    // The refresh token is still good for a real rotation.
    expect((await api.refresh({ cookie: authCookies(tokens) })).status).toBe(200);
  });

  it('logout-all with a foreign Origin is 403 and tokensValidAfter stays put', async () => {
    const { tokens, user } = await signedUp();
    const prisma = await db();
    const before = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).tokensValidAfter;
    for (const origin of ['https://evil.example', null]) {
      expect((await api.logoutAll({ origin, cookie: authCookies(tokens) })).status).toBe(403);
    }
    const after = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).tokensValidAfter;
    expect(after.getTime()).toBe(before.getTime());
    expect((await api.me({ cookie: accessCookie(tokens) })).status).toBe(200);
  });

  it('login and sign-up refuse a foreign or null Origin and a cross-site fetch (login CSRF), allow no Origin', async () => {
    const { email } = await signedUp();
    for (const options of [{ origin: 'https://evil.example' }, { origin: 'null' }, { origin: null, headers: { 'sec-fetch-site': 'cross-site' } }] as CallOptions[]) {
      const response = await api.login({ ...options, body: { email, password: TEST_PASSWORD } });
      expect(response.status, JSON.stringify(options)).toBe(403);
      expect(response.headers.getSetCookie()).toEqual([]);
      const newEmail = uniqueEmail('csrf');
      const created = await api.signup({ ...options, body: { email: newEmail, password: TEST_PASSWORD, name: 'Eve' } });
      expect(created.status).toBe(403);
      expect(await (await db()).user.findUnique({ where: { email: newEmail } })).toBeNull();
    }
    const script = await api.login({ origin: null, body: { email, password: TEST_PASSWORD } });
    expect(script.status).toBe(200);
    expect(tokensFrom(script).access).toBeTruthy();
  });
});

describe('hostile input: 4xx with the error shape, nothing written, never 500', () => {
  const cases: [string, CallOptions, number][] = [
    ['invalid JSON', { raw: '{"email": "a@example.com", ' }, 400],
    ['empty body', { raw: '' }, 400],
    ['text/plain', { raw: JSON.stringify({ email: 'a@example.com', password: TEST_PASSWORD, name: 'A' }), contentType: 'text/plain' }, 415],
    ['form-encoded', { raw: 'email=a%40example.com&password=x', contentType: 'application/x-www-form-urlencoded' }, 415],
    ['no content type', { raw: '{}', contentType: null }, 415],
    ['huge body', { raw: JSON.stringify({ email: 'a@example.com', password: TEST_PASSWORD, name: 'x'.repeat(MAX_JSON_BYTES) }) }, 413],
    ['huge body with a lying Content-Length', { raw: JSON.stringify({ name: 'x'.repeat(MAX_JSON_BYTES * 2) }), headers: { 'content-length': '10' } }, 413],
    ['email as object', { body: { email: { not: '' }, password: TEST_PASSWORD, name: 'A' } }, 400],
    ['email as array', { body: { email: ['a@example.com'], password: TEST_PASSWORD, name: 'A' } }, 400],
    ['password as number', { body: { email: 'a@example.com', password: 12345678, name: 'A' } }, 400],
    ['body is an array', { body: [{ email: 'a@example.com', password: TEST_PASSWORD, name: 'A' }] }, 400],
    ['body is null', { raw: 'null' }, 400],
    ['body is a string', { raw: '"a@example.com"' }, 400],
    ['__proto__ pollution', { raw: `{"email":"a@example.com","password":"${TEST_PASSWORD}","name":"A","__proto__":{"admin":true}}` }, 400],
    ['NUL bytes', { body: { email: 'a\u0000@example.com', password: TEST_PASSWORD, name: 'A' } }, 400],
  ];

  for (const [label, options, status] of cases) {
    it(`${label} → ${status}`, async () => {
      const before = await userCount();
      for (const [route, fn] of [
        ['signup', api.signup],
        ['login', api.login],
      ] as const) {
        const response = await fn(options);
        expect(response.status, `${route}: ${label}`).toBe(status);
        await errorBody(response);
        expect(response.headers.getSetCookie()).toEqual([]);
      }
      expect(await userCount()).toBe(before);
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    });
  }

  it('a Content-Type with charset is fine', async () => {
    const response = await api.signup({
      body: { email: uniqueEmail('charset'), password: TEST_PASSWORD, name: 'C' },
      contentType: 'application/json; charset=utf-8',
    });
    expect(response.status).toBe(201);
  });
});
