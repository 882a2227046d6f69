// Two-step sign-in, step-up, the session cap and account deletion through the real route
// handlers and a real database (SQLite and Postgres projects). TOTP codes are computed from the
// secret the API hands out, as an authenticator app would.
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { POST as token } from '@/app/api/auth/token/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import { RATE_LIMITS } from '@/lib/auth/accounts';
import { startSession } from '@/lib/auth/sign-ins';
import { consumeTotpCode, resealTotpSecrets } from '@/lib/auth/totp';
import { settleAfterResponse } from '@/lib/after-response';
import { db } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { accessCookie, authCookies, errorBody, parseSetCookie, tokensFrom, type Tokens } from '@/test/auth-requests';
import { api, signedUp, TEST_PASSWORD } from '@/test/auth-routes';

const tokenRequest = (form: Record<string, string>) =>
  token(new Request('http://localhost:3000/api/auth/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) }));

function codeAt(secret: string, nowMs: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: nowMs });
}

/** Turns two-step sign-in on for a fresh session; returns the secret and the recovery codes. */
async function withTotp(tokens: Tokens) {
  const start = await api.totpStart({ cookie: accessCookie(tokens) });
  expect(start.status).toBe(200);
  const { secret, otpauthUri } = (await start.json()) as { secret: string; otpauthUri: string };
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Tokenshop:.+secret=/);
  const confirm = await api.totpConfirm({ cookie: accessCookie(tokens), body: { code: codeAt(secret, Date.now()) } });
  expect(confirm.status).toBe(200);
  const { recoveryCodes } = (await confirm.json()) as { recoveryCodes: string[] };
  return { secret, recoveryCodes };
}

function mfaCookieOf(response: Response): string {
  const value = parseSetCookie(response).get('mfa')?.value;
  if (!value) throw new Error('no mfa cookie');
  return `mfa=${value}`;
}

describe('two-step sign-in (TOTP)', () => {
  it('stores the secret encrypted, asks for a second step after the password, and accepts each code once', async () => {
    const { user: { id: userId }, email, tokens } = await signedUp();
    const { secret, recoveryCodes } = await withTotp(tokens);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    const prisma = await db();
    const factor = await prisma.totpFactor.findUniqueOrThrow({ where: { userId } });
    expect(factor.secret).not.toContain(secret);
    expect(factor.secret.startsWith('v1.')).toBe(true);
    const stored = await prisma.recoveryCode.findMany({ where: { userId } });
    expect(stored.map((row) => row.hash)).not.toContain(recoveryCodes[0]);

    const password = await api.login({ body: { email, password: TEST_PASSWORD } });
    expect(password.status).toBe(200);
    expect(await password.json()).toEqual({ mfaRequired: true, methods: ['totp', 'recovery'] });
    expect(parseSetCookie(password).has('access')).toBe(false);
    const mfa = mfaCookieOf(password);

    // The code that confirmed the factor was used up: the next step's code works.
    const nextCode = codeAt(secret, Date.now() + 30_000);
    const ok = await api.loginMfa({ cookie: mfa, body: { code: nextCode } });
    expect(ok.status).toBe(200);
    const signedIn = tokensFrom(ok);
    expect((signedIn.accessClaims as unknown as { amr: string[] }).amr).toEqual(['pwd', 'otp', 'mfa']);
    expect((await api.me({ cookie: accessCookie(signedIn) })).status).toBe(200);

    // The attempt is single-use, and the same code in a new attempt is refused.
    expect((await errorBody(await api.loginMfa({ cookie: mfa, body: { code: nextCode } }))).error.code).toBe('mfa_challenge_ended');
    const again = mfaCookieOf(await api.login({ body: { email, password: TEST_PASSWORD } }));
    const reused = await api.loginMfa({ cookie: again, body: { code: nextCode } });
    expect(reused.status).toBe(401);
    expect((await errorBody(reused)).error.code).toBe('invalid_code');
  });

  it('accepts a recovery code once, and five wrong codes end the attempt', async () => {
    const { email, tokens } = await signedUp();
    const { recoveryCodes } = await withTotp(tokens);
    const first = mfaCookieOf(await api.login({ body: { email, password: TEST_PASSWORD } }));
    expect((await api.loginMfa({ cookie: first, body: { recoveryCode: recoveryCodes[0]!.toUpperCase() } })).status).toBe(200);
    const second = mfaCookieOf(await api.login({ body: { email, password: TEST_PASSWORD } }));
    expect((await api.loginMfa({ cookie: second, body: { recoveryCode: recoveryCodes[0] } })).status).toBe(401);

    const third = mfaCookieOf(await api.login({ body: { email, password: TEST_PASSWORD } }));
    for (let i = 0; i < 4; i++) {
      expect((await errorBody(await api.loginMfa({ cookie: third, body: { code: '000000' } }))).error.code).toMatch(/invalid_code/);
    }
    expect((await errorBody(await api.loginMfa({ cookie: third, body: { code: '000000' } }))).error.code).toBe('mfa_challenge_ended');
    expect((await errorBody(await api.loginMfa({ cookie: third, body: { recoveryCode: recoveryCodes[1] } }))).error.code).toBe('mfa_challenge_ended');
  });

  it('throttles wrong codes per account across attempts', async () => {
    const { email, tokens } = await signedUp();
    await withTotp(tokens);
    for (let attempt = 0; attempt < 4; attempt++) {
      const mfa = mfaCookieOf(await api.login({ body: { email, password: TEST_PASSWORD } }));
      for (let i = 0; i < 5; i++) await api.loginMfa({ cookie: mfa, body: { code: '000000' } });
    }
    const mfa = mfaCookieOf(await api.login({ body: { email, password: TEST_PASSWORD } }));
    const throttled = await api.loginMfa({ cookie: mfa, body: { code: '000000' } });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBeTruthy();
  });

  it('refuses a forged or missing mfa cookie and bad input with clear 4xx', async () => {
    expect((await api.loginMfa({ body: { code: '123456' } })).status).toBe(401);
    expect((await api.loginMfa({ cookie: 'mfa=eyJhbGciOiJub25lIn0.e30.', body: { code: '123456' } })).status).toBe(401);
    expect((await api.loginMfa({ body: { code: 'abc' } })).status).toBe(400);
    expect((await api.loginMfa({ body: { code: '123456', recoveryCode: 'x' } })).status).toBe(400);
  });

  it('the password grant refuses a two-step account and points to API tokens', async () => {
    const { email, tokens } = await signedUp();
    await withTotp(tokens);
    const response = await tokenRequest({ grant_type: 'password', username: email, password: TEST_PASSWORD });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; error_description: string };
    expect(body.error).toBe('invalid_grant');
    expect(body.error_description).toMatch(/API token/);
  });

  it('turning it on or off ends the other sign-ins; new recovery codes kill the old set', async () => {
    const { email, tokens } = await signedUp();
    const other = tokensFrom(await api.login({ body: { email, password: TEST_PASSWORD } }));
    const { recoveryCodes } = await withTotp(tokens);
    expect((await api.me({ cookie: accessCookie(other) })).status).toBe(401);
    expect((await api.me({ cookie: accessCookie(tokens) })).status).toBe(200);

    const fresh = await api.recoveryCodes({ cookie: accessCookie(tokens) });
    const { recoveryCodes: newCodes } = (await fresh.json()) as { recoveryCodes: string[] };
    const mfa = mfaCookieOf(await api.login({ body: { email, password: TEST_PASSWORD } }));
    expect((await api.loginMfa({ cookie: mfa, body: { recoveryCode: recoveryCodes[0] } })).status).toBe(401);
    const ok = await api.loginMfa({ cookie: mfa, body: { recoveryCode: newCodes[0] } });
    expect(ok.status).toBe(200);
    const third = tokensFrom(ok);

    expect((await api.totpOff({ cookie: accessCookie(tokens) })).status).toBe(200);
    expect((await api.me({ cookie: accessCookie(third) })).status).toBe(401);
    const plain = await api.login({ body: { email, password: TEST_PASSWORD } });
    expect(parseSetCookie(plain).has('access')).toBe(true);
  });
});

describe('step-up', () => {
  it('a stale sign-in is asked again; after re-auth the change goes through, in the same family', async () => {
    process.env.AUTH_STEP_UP_MAX_AGE = '60';
    resetEnvForTests();
    const { user: { id: userId }, tokens: fresh } = await signedUp();
    const staleTokens = await startSession(userId, null, { amr: ['pwd'] }, Date.now() - 120_000 + 1000);
    // Access tokens live 15 minutes: this one is valid, only its auth_time is old.
    const stale = { access: staleTokens.access.token, refresh: staleTokens.refresh.token };
    const refused = await api.totpStart({ cookie: accessCookie(stale) });
    expect(refused.status).toBe(403);
    expect((await errorBody(refused)).error.code).toBe('reauth_required');
    expect((await api.totpStart({ cookie: accessCookie(fresh) })).status).toBe(200);

    expect((await api.reauth({ cookie: authCookies(stale), body: { password: 'wrong password' } })).status).toBe(401);
    const renewed = await api.reauth({ cookie: authCookies(stale), body: { password: TEST_PASSWORD } });
    expect(renewed.status).toBe(200);
    const after = tokensFrom(renewed);
    expect(after.accessClaims.sid).toBe(staleTokens.access.claims.sid);
    expect((after.accessClaims as unknown as { auth_time: number }).auth_time).toBeGreaterThan(staleTokens.access.claims.auth_time!);
    expect((await api.totpStart({ cookie: accessCookie(after) })).status).toBe(200);
  });

  it('a stale sign-in cannot mint a personal API token through the JSON API (Bearer or cookie), and none is made', async () => {
    process.env.AUTH_STEP_UP_MAX_AGE = '60';
    resetEnvForTests();
    const { user: { id: userId }, tokens: fresh } = await signedUp();
    // A stolen cookie that still refreshes: valid, but its sign-in is two minutes old.
    const stale = await startSession(userId, null, { amr: ['pwd'] }, Date.now() - 120_000 + 1000);
    const body = { name: 'year-long', scopes: ['profile:read', 'cart:write', 'orders:read'], expiresInDays: 365 };
    for (const refused of [
      await api.createToken({ bearer: stale.access.token, origin: null, body }),
      await api.createToken({ cookie: accessCookie({ access: stale.access.token }), body }),
    ]) {
      expect(refused.status).toBe(403);
      expect((await errorBody(refused)).error.code).toBe('reauth_required');
    }
    expect(await (await db()).apiToken.count({ where: { userId } })).toBe(0);
    expect((await api.createToken({ cookie: accessCookie(fresh), body })).status).toBe(201);
  });

  it('a personal API token can never step up or make a sensitive change', async () => {
    const { user: { id: userId } } = await signedUp();
    const { token: apiToken } = await createApiToken({ userId, name: 'script', scopes: ['profile:read'], ttlDays: 30 });
    expect((await api.reauth({ bearer: apiToken, origin: null, body: { password: TEST_PASSWORD } })).status).toBe(403);
    expect((await api.totpStart({ bearer: apiToken, origin: null })).status).toBe(403);
    expect((await api.deleteAccount({ bearer: apiToken, origin: null, body: { email: 'x@example.test' } })).status).toBe(403);
  });
});

describe('session cap', () => {
  it('a refresh after AUTH_SESSION_MAX_AGE signs the user out, however recently it refreshed', async () => {
    process.env.AUTH_SESSION_MAX_AGE = '60';
    resetEnvForTests();
    const { user: { id: userId } } = await signedUp();
    const old = await startSession(userId, null, { amr: ['pwd'] }, Date.now() - 61_000);
    const response = await api.refresh({ cookie: authCookies({ access: old.access.token, refresh: old.refresh.token }) });
    expect(response.status).toBe(401);
    const young = await startSession(userId, null, { amr: ['pwd'] }, Date.now() - 30_000);
    const ok = await api.refresh({ cookie: authCookies({ access: young.access.token, refresh: young.refresh.token }) });
    expect(ok.status).toBe(200);
    // The refresh token never outlives the cap.
    expect(tokensFrom(ok).refreshClaims.exp).toBeLessThanOrEqual(young.access.claims.auth_time! + 60);
  });
});

describe('account deletion', () => {
  it('kills every token, removes personal data, keeps orders without the person, and frees the address', async () => {
    const { user: { id: userId }, email, tokens } = await signedUp();
    const prisma = await db();
    const { token: apiToken } = await createApiToken({ userId, name: 'script', scopes: ['profile:read'], ttlDays: 30 });
    await withTotp(tokens);
    await prisma.passkey.create({ data: { credentialId: `cred-${userId}`, userId, publicKey: new Uint8Array([1, 2, 3]), name: 'Laptop' } });
    const product = await prisma.product.findFirstOrThrow();
    await prisma.cart.create({ data: { userId, items: { create: [{ productId: product.id, quantity: 1 }] } } });
    // What the other parts of the app keep about an account: a known browser, a provider link, a
    // one-time link, queued mail to the address and the sign-in throttle's counters.
    await prisma.device.create({ data: { userId, browserId: `browser-${userId}`, lastSeenAt: new Date() } });
    await prisma.account.create({ data: { userId, provider: 'https://id.example.test', subject: `sub-${userId}`, email } });
    await prisma.oneTimeToken.create({ data: { hash: `hash-${userId}`, userId, purpose: 'reset_password', expiresAt: new Date(Date.now() + 60_000) } });
    await prisma.outboxMail.create({ data: { to: email, template: 'reset_password', payload: '{}' } });
    expect((await api.login({ body: { email, password: 'not the password' } })).status).toBe(401);
    await settleAfterResponse(); // the failed attempt's audit event, written after the answer
    const counters = { where: { key: `${RATE_LIMITS.account.keyPrefix}:${email}` } };
    expect(await prisma.rateLimit.count(counters)).toBe(1);
    const order = await prisma.order.create({ data: { userId, email, totalCents: 1234, items: { create: [{ productId: product.id, name: product.name, unitPriceCents: 1234, quantity: 1 }] } } });

    const mismatch = await api.deleteAccount({ cookie: accessCookie(tokens), body: { email: 'someone-else@example.test' } });
    expect(mismatch.status).toBe(400);
    expect((await errorBody(mismatch)).error.code).toBe('email_mismatch');

    const deleted = await api.deleteAccount({ cookie: accessCookie(tokens), body: { email: ` ${email.toUpperCase()} ` } });
    expect(deleted.status).toBe(204);
    expect(parseSetCookie(deleted).get('access')?.value).toBe('');

    expect((await api.me({ cookie: accessCookie(tokens) })).status).toBe(401);
    expect((await api.me({ bearer: apiToken, origin: null })).status).toBe(401);
    expect((await api.refresh({ cookie: authCookies(tokens) })).status).toBe(401);

    const where = { where: { userId } };
    const left = await Promise.all([
      prisma.user.count({ where: { id: userId } }),
      prisma.session.count(where),
      prisma.revokedToken.count(where),
      prisma.apiToken.count(where),
      prisma.auditEvent.count(where),
      prisma.passkey.count(where),
      prisma.totpFactor.count(where),
      prisma.recoveryCode.count(where),
      prisma.authChallenge.count(where),
      prisma.cart.count(where),
      prisma.order.count(where),
      prisma.device.count(where),
      prisma.account.count(where),
      prisma.oneTimeToken.count(where),
      prisma.outboxMail.count({ where: { to: email, status: { not: 'sent' } } }),
      prisma.rateLimit.count(counters),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const kept = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { items: true } });
    expect(kept).toMatchObject({ userId: null, email: null, totalCents: 1234 });
    expect(kept.items).toHaveLength(1);

    const again = await api.signup({ body: { email, password: TEST_PASSWORD, name: 'Grace Again' } });
    expect(again.status).toBe(201);
    expect((await again.json()).user.id).not.toBe(userId);
    expect((await api.me({ cookie: accessCookie(tokens) })).status).toBe(401);
  });

  it('deleting twice at once (a double submit, two tabs): the account goes once, the other request is refused as signed out, never a 500', async () => {
    for (let round = 0; round < 3; round++) {
      const { user: { id: userId }, email, tokens } = await signedUp();
      const statuses = await Promise.all([1, 2].map(() => api.deleteAccount({ cookie: accessCookie(tokens), body: { email } }).then((r) => r.status)));
      expect(statuses.toSorted()).toEqual([204, 401]);
      expect(await (await db()).user.count({ where: { id: userId } })).toBe(0);
    }
  });
});

describe('rotating AUTH_SECRET', () => {
  it('re-encrypts TOTP secrets from the previous secret, and leaves current ones alone', async () => {
    const { user: { id: userId }, tokens } = await signedUp();
    const { secret } = await withTotp(tokens);
    const previous = process.env.AUTH_SECRET!;
    const rotated = `${previous}-rotated-${Date.now()}`;
    process.env.AUTH_SECRET = rotated;
    resetEnvForTests();
    try {
      const first = await resealTotpSecrets(previous);
      expect(first.resealed).toBeGreaterThanOrEqual(1);
      const second = await resealTotpSecrets(previous);
      expect(second.resealed).toBe(0);
      expect(await consumeTotpCode(userId, codeAt(secret, Date.now() + 30_000))).toBe(true);
    } finally {
      process.env.AUTH_SECRET = previous;
      resetEnvForTests();
      // Back under the test secret, for whatever runs after this.
      await resealTotpSecrets(rotated);
    }
  });
});
