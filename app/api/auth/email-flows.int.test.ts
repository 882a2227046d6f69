// The mail-driven account flows through the real route handlers, a real database (SQLite and
// Postgres projects) and a real SMTP peer: verification at sign-up, password reset (sessions and
// API tokens end), change of address, one-time tokens (single use, expiry, voiding), enumeration,
// Host-header injection, throttling, AUTH_REQUIRE_VERIFIED_EMAIL, and the account JSON API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as activity } from '@/app/api/account/activity/route';
import { DELETE as endSession } from '@/app/api/account/sessions/[id]/route';
import { GET as sessions } from '@/app/api/account/sessions/route';
import { DELETE as revokeToken } from '@/app/api/account/tokens/[id]/route';
import { GET as listTokens } from '@/app/api/account/tokens/route';
import { POST as addItem } from '@/app/api/cart/items/route';
import { POST as checkout } from '@/app/api/checkout/route';
import { resetRateLimitsForTests } from '@/lib/auth/accounts';
import { hashOneTimeToken } from '@/lib/auth/one-time-tokens';
import { clearVerifyMemo } from '@/lib/auth/tokens';
import { db } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { afterResponseCount, whenAfterResponseIdle } from '@/lib/mail/after-response';
import { createProduct } from '@/test/shop-data';
import type { MailCatcher } from '@/e2e/support/mail-catcher';
import { accessCookie, errorBody, makeRequest, parseSetCookie, uniqueEmail } from '@/test/auth-requests';
import { api, NO_CONTEXT, route, signedIn, signedUp, TEST_NAME, TEST_PASSWORD } from '@/test/auth-routes';
import { linkTokenTo, mailTo, stopMailCatcher, tokenFromLink, useMailCatcher } from '@/test/mail-support';

const NEW_PASSWORD = 'a brand new passphrase';
let catcher: MailCatcher;

beforeAll(async () => {
  catcher = await useMailCatcher();
});

afterAll(async () => {
  await stopMailCatcher(catcher);
});

describe('verification at sign-up', () => {
  it('mails a link; a GET-free POST of its token verifies the address once', async () => {
    const { email, user: { id: userId }, tokens } = await signedUp();
    const mail = await mailTo(catcher, email, /Confirm your email address/);
    expect(mail.text).toContain('Tokenshop');
    expect(mail.html).toMatch(/<a href="http:\/\/localhost:3000\/verify-email\?token=/);
    const token = tokenFromLink(mail.links[0]!);
    expect((await (await db()).user.findUniqueOrThrow({ where: { id: userId } })).emailVerifiedAt).toBeNull();
    // GET /api/me carries the address's state (read in the session check's one query).
    const before = await api.me({ cookie: accessCookie(tokens) });
    expect(await before.json()).toEqual({ user: { id: userId, email, name: TEST_NAME, emailVerified: false } });

    const first = await api.confirmEmail({ body: { token } });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, kind: 'verified', email });
    expect((await (await db()).user.findUniqueOrThrow({ where: { id: userId } })).emailVerifiedAt).toBeInstanceOf(Date);
    const after = await api.me({ cookie: accessCookie(tokens) });
    expect(await after.json()).toEqual({ user: { id: userId, email, name: TEST_NAME, emailVerified: true } });

    const again = await api.confirmEmail({ body: { token } });
    expect(again.status).toBe(400);
    expect((await errorBody(again)).error.code).toBe('invalid_token');
  });

  it('refuses unknown, malformed and expired tokens with 400 invalid_token, and bad bodies with 400/415', async () => {
    const { email } = await signedUp();
    const token = await linkTokenTo(catcher, email, /Confirm your email address/);
    await (await db()).oneTimeToken.update({ where: { hash: hashOneTimeToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const bad of [token, 'x'.repeat(43), 'short', '../../etc/passwd']) {
      const response = await api.confirmEmail({ body: { token: bad } });
      expect(response.status, bad).toBe(400);
      expect((await errorBody(response)).error.code).toBe('invalid_token');
    }
    expect((await api.confirmEmail({ body: {} })).status).toBe(400);
    expect((await api.confirmEmail({ raw: 'token=x', contentType: 'application/x-www-form-urlencoded' })).status).toBe(415);
  });

  it('"Resend" sends a new link while unverified, nothing once verified, and never to an API token', async () => {
    const { email, tokens } = await signedUp();
    await mailTo(catcher, email, /Confirm your email address/);
    const response = await api.resendVerification({ cookie: accessCookie(tokens) });
    expect(response.status).toBe(202);
    await whenAfterResponseIdle();
    await catcher.waitFor(() => catcher.to(email).length === 2);
    await api.confirmEmail({ body: { token: tokenFromLink(catcher.to(email)[1]!.links[0]!) } });
    expect((await api.resendVerification({ cookie: accessCookie(tokens) })).status).toBe(202);
    await whenAfterResponseIdle();
    expect(catcher.to(email)).toHaveLength(2);
  });
});

describe('password reset', () => {
  it('ends every session and API token, voids older links, and the new password signs in', async () => {
    const { email, tokens } = await signedUp();
    const second = await signedIn(email);
    const created = await api.createToken({ cookie: accessCookie(tokens), body: { name: 'script', scopes: ['profile:read'], expiresInDays: 30 } });
    expect(created.status).toBe(201);
    const apiToken = ((await created.json()) as { token: string }).token;
    expect((await api.me({ bearer: apiToken })).status).toBe(200);

    expect((await api.forgotPassword({ body: { email } })).status).toBe(202);
    const older = await linkTokenTo(catcher, email, /Reset your Tokenshop password/);
    catcher.clear();
    expect((await api.forgotPassword({ body: { email: email.toUpperCase() } })).status).toBe(202);
    const newer = await linkTokenTo(catcher, email, /Reset your Tokenshop password/);
    expect(newer).not.toBe(older);
    expect((await api.resetPassword({ body: { token: older, password: NEW_PASSWORD } })).status).toBe(400);

    const done = await api.resetPassword({ body: { token: newer, password: NEW_PASSWORD } });
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ ok: true, sessionsEnded: 2, apiTokensRevoked: 1 });
    clearVerifyMemo();
    for (const t of [tokens, second]) expect((await api.me({ cookie: accessCookie(t) })).status).toBe(401);
    expect((await api.me({ bearer: apiToken })).status).toBe(401);
    expect((await api.login({ body: { email, password: TEST_PASSWORD } })).status).toBe(401);
    await signedIn(email, NEW_PASSWORD);
    // Single use, and "your password was changed" went out.
    expect((await api.resetPassword({ body: { token: newer, password: 'yet another passphrase' } })).status).toBe(400);
    await mailTo(catcher, email, /password was changed/);
    // The link proved the mailbox: the address is verified now.
    expect((await (await db()).user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeInstanceOf(Date);
  });

  it('an expired link (30 minutes) is refused and the password stays', async () => {
    const { email } = await signedUp();
    await api.forgotPassword({ body: { email } });
    const token = await linkTokenTo(catcher, email, /Reset your/);
    const row = await (await db()).oneTimeToken.findUniqueOrThrow({ where: { hash: hashOneTimeToken(token) } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(30 * 60 * 1000);
    await (await db()).oneTimeToken.update({ where: { hash: row.hash }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await api.resetPassword({ body: { token, password: NEW_PASSWORD } })).status).toBe(400);
    await signedIn(email, TEST_PASSWORD);
  });

  it('a password change voids pending reset links', async () => {
    const { email, tokens } = await signedUp();
    await api.forgotPassword({ body: { email } });
    const token = await linkTokenTo(catcher, email, /Reset your/);
    const changed = await api.changePassword({ cookie: accessCookie(tokens), body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
    expect(changed.status).toBe(200);
    expect((await api.resetPassword({ body: { token, password: 'yet another passphrase' } })).status).toBe(400);
  });

  it('Host and X-Forwarded-Host cannot change the link: it is built from APP_URL', async () => {
    const { email } = await signedUp();
    catcher.clear();
    const attempts: Record<string, string>[] = [{ host: 'evil.example' }, { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }];
    for (const headers of attempts) {
      expect((await api.forgotPassword({ body: { email }, headers })).status).toBe(202);
    }
    await whenAfterResponseIdle();
    const resets = () => catcher.to(email).filter((m) => /Reset your/.test(m.subject));
    await catcher.waitFor(() => resets().length === 2);
    for (const mail of resets()) {
      expect(mail.links.length).toBeGreaterThan(0);
      for (const link of mail.links) expect(new URL(link).origin).toBe('http://localhost:3000');
      expect(mail.text + mail.html).not.toContain('evil.example');
    }
  });

  it('enumeration: a known and an unknown address get the same status and body, and the same deferred work', async () => {
    const { email } = await signedUp();
    const unknown = uniqueEmail('nobody');
    const samples: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
    const bodies = new Set<string>();
    for (let i = 0; i < 40; i++) {
      resetRateLimitsForTests();
      const kind = i % 2 === 0 ? 'known' : 'unknown';
      const before = afterResponseCount();
      const started = performance.now();
      const response = await api.forgotPassword({ body: { email: kind === 'known' ? email : unknown } });
      samples[kind].push(performance.now() - started);
      expect(response.status).toBe(202);
      bodies.add(`${response.status} ${await response.text()} ${response.headers.get('cache-control')}`);
      // The handler does nothing with the address before answering: one deferred task, either way.
      expect(afterResponseCount() - before).toBe(1);
      await whenAfterResponseIdle();
    }
    expect([...bodies]).toEqual(['202 {"ok":true} no-store']);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`[enumeration] forgot-password handler median: known ${median(samples.known).toFixed(2)} ms, unknown ${median(samples.unknown).toFixed(2)} ms (20 interleaved samples each)`);
    expect(catcher.to(unknown)).toHaveLength(0);
  });

  it('throttles: a burst still answers 202 but sends at most a few mails', async () => {
    const { email } = await signedUp();
    catcher.clear();
    for (let i = 0; i < 10; i++) expect((await api.forgotPassword({ body: { email } })).status).toBe(202);
    await whenAfterResponseIdle();
    const resets = () => catcher.to(email).filter((m) => /Reset your/.test(m.subject));
    await catcher.waitFor(() => resets().length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(resets().length).toBeLessThanOrEqual(3);
    // Per client too: one address asking for many accounts.
    process.env.TRUST_PROXY = 'true';
    resetEnvForTests();
    const victims = await Promise.all(Array.from({ length: 12 }, () => signedUp()));
    catcher.clear();
    for (const victim of victims) {
      expect((await api.forgotPassword({ body: { email: victim.email }, headers: { 'x-forwarded-for': '203.0.113.7' } })).status).toBe(202);
    }
    await whenAfterResponseIdle();
    await catcher.waitFor((m) => /Reset your/.test(m.subject));
    await new Promise((r) => setTimeout(r, 300));
    expect(catcher.mails.filter((m) => /Reset your/.test(m.subject)).length).toBeLessThanOrEqual(10);
  });
});

describe('change of address', () => {
  it('needs the password; confirms at the new address, tells the old one, then applies', async () => {
    const { email, tokens, user: { id: userId } } = await signedUp();
    const newEmail = uniqueEmail('moved');
    const wrong = await api.changeEmail({ cookie: accessCookie(tokens), body: { email: newEmail, password: 'not my password' } });
    expect(wrong.status).toBe(400);
    expect((await errorBody(wrong)).error.fields?.password).toBeDefined();

    expect((await api.changeEmail({ cookie: accessCookie(tokens), body: { email: newEmail, password: TEST_PASSWORD } })).status).toBe(202);
    const token = await linkTokenTo(catcher, newEmail, /Confirm your new email address/);
    expect((await (await db()).user.findUniqueOrThrow({ where: { id: userId } })).email).toBe(email);

    const done = await api.confirmEmail({ body: { token } });
    expect(await done.json()).toEqual({ ok: true, kind: 'changed', email: newEmail });
    const notice = await mailTo(catcher, email, /email address was changed/);
    expect(notice.text).toContain(newEmail);
    const user = await (await db()).user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.email).toBe(newEmail);
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    await signedIn(newEmail);
  });

  it('an address that is taken gets no mail, and the answer is the same', async () => {
    const { tokens } = await signedUp();
    const other = await signedUp();
    catcher.clear();
    expect((await api.changeEmail({ cookie: accessCookie(tokens), body: { email: other.email, password: TEST_PASSWORD } })).status).toBe(202);
    await whenAfterResponseIdle();
    expect(catcher.to(other.email).filter((m) => /new email address/.test(m.subject))).toHaveLength(0);
  });
});

describe('AUTH_REQUIRE_VERIFIED_EMAIL', () => {
  it('checkout and new API tokens answer 403 email_unverified until the address is confirmed; the order mail follows checkout', async () => {
    process.env.AUTH_REQUIRE_VERIFIED_EMAIL = 'true';
    resetEnvForTests();
    const { email, tokens } = await signedUp();
    const product = await createProduct({ priceCents: 1999, name: 'Mail Test Mug' });
    expect((await addItem(makeRequest('/api/cart/items', 'POST', { cookie: accessCookie(tokens), body: { productId: product.id, quantity: 2 } }), NO_CONTEXT)).status).toBe(200);
    const refused = await checkout(makeRequest('/api/checkout', 'POST', { cookie: accessCookie(tokens) }), NO_CONTEXT);
    expect(refused.status).toBe(403);
    expect((await errorBody(refused)).error.code).toBe('email_unverified');
    const token = await api.createToken({ cookie: accessCookie(tokens), body: { name: 'x', scopes: ['profile:read'], expiresInDays: 7 } });
    expect(token.status).toBe(403);

    await api.confirmEmail({ body: { token: await linkTokenTo(catcher, email, /Confirm your email address/) } });
    const placed = await checkout(makeRequest('/api/checkout', 'POST', { cookie: accessCookie(tokens) }), NO_CONTEXT);
    expect(placed.status).toBe(201);
    const { order } = (await placed.json()) as { order: { id: string } };
    const mail = await mailTo(catcher, email, new RegExp(`order ${order.id}`));
    expect(mail.text).toContain('2 × Mail Test Mug at $19.99 = $39.98');
    expect(mail.text).toContain('Total: $39.98');
    expect(mail.links).toContain(`http://localhost:3000/orders/${order.id}`);
    expect(mail.html).toContain('<table');
  });
});

describe('/api/account/*', () => {
  it('lists and ends sessions, lists and revokes tokens, pages the activity, and refuses personal API tokens', async () => {
    const { email, tokens } = await signedUp();
    const other = await signedIn(email);
    const cookie = accessCookie(tokens);
    const list = await route(sessions, '/api/account/sessions', 'GET')({ cookie });
    const { sessions: rows } = (await list.json()) as { sessions: { id: string; current: boolean }[] };
    expect(rows.find((r) => r.current)?.id).toBe(tokens.accessClaims.sid);
    expect(rows.map((r) => r.id)).toContain(other.accessClaims.sid);
    const ended = await endSession(makeRequest(`/api/account/sessions/${other.accessClaims.sid}`, 'DELETE', { cookie }), { params: Promise.resolve({ id: other.accessClaims.sid }) } as never);
    expect(ended.status).toBe(204);
    clearVerifyMemo();
    expect((await api.me({ cookie: accessCookie(other) })).status).toBe(401);

    const created = await api.createToken({ cookie, body: { name: 'ci', scopes: ['orders:read'], expiresInDays: 7 } });
    const { token, apiToken } = (await created.json()) as { token: string; apiToken: { id: string } };
    // A personal API token can never use the account API.
    for (const response of [
      await route(sessions, '/api/account/sessions', 'GET')({ bearer: token }),
      await route(listTokens, '/api/account/tokens', 'GET')({ bearer: token }),
      await api.changePassword({ bearer: token, body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } }),
    ]) {
      expect(response.status).toBe(403);
      expect((await errorBody(response)).error.code).toBe('insufficient_scope');
    }
    // Bearer sign-in tokens work (no Origin needed); cookie writes need this site's Origin.
    expect((await route(listTokens, '/api/account/tokens', 'GET')({ bearer: tokens.access })).status).toBe(200);
    expect((await api.createToken({ cookie, origin: 'https://evil.example', body: { name: 'x', scopes: ['orders:read'], expiresInDays: 7 } })).status).toBe(403);
    const revoked = await revokeToken(makeRequest(`/api/account/tokens/${apiToken.id}`, 'DELETE', { cookie }), { params: Promise.resolve({ id: apiToken.id }) } as never);
    expect(revoked.status).toBe(204);

    const page = await route(activity, '/api/account/activity', 'GET')({ cookie });
    const body = (await page.json()) as { events: { type: string }[]; nextCursor: string | null };
    expect(body.events.map((e) => e.type)).toEqual(expect.arrayContaining(['api_token_revoked', 'session_revoked', 'sign_in']));
    expect((await route(activity, '/api/account/activity?cursor=%%%', 'GET')({ cookie })).status).toBe(400);

    const changed = await api.changePassword({ cookie, body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, signOutOtherSessions: false, revokeApiTokens: false } });
    expect(await changed.json()).toEqual({ sessionsEnded: 0, apiTokensRevoked: 0 });
    await mailTo(catcher, email, /password was changed/);
    expect((await api.changePassword({ cookie, body: { newPassword: 'whatever passphrase' } })).status).toBe(400);
  });
});

describe('new-browser notice', () => {
  const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';
  it('mails "new sign-in" for a browser the account has not seen, and stays quiet for the known one', async () => {
    const { email } = await signedUp();
    const newBrowser = /New sign-in to Tokenshop from/;
    // Sign-up itself never sends the notice: the browser that created the account is known.
    await whenAfterResponseIdle();
    expect(catcher.mails.filter((m) => m.to.includes(email.toLowerCase()) && newBrowser.test(m.subject))).toHaveLength(0);

    // A sign-in without the device cookie: a browser this account has not seen.
    const first = await api.login({ body: { email, password: TEST_PASSWORD }, headers: { 'user-agent': FIREFOX } });
    expect(first.status).toBe(200);
    const notice = await mailTo(catcher, email, newBrowser);
    expect(notice.text).toContain('a browser not seen on your account before');
    expect(notice.html).toContain('http://localhost:3000/account');

    // The same browser again (it presents the device cookie it was given): no second notice.
    const device = parseSetCookie(first).get('device')?.value;
    expect(device).toBeTruthy();
    const again = await api.login({ body: { email, password: TEST_PASSWORD }, cookie: `device=${device}`, headers: { 'user-agent': FIREFOX } });
    expect(again.status).toBe(200);
    await whenAfterResponseIdle();
    expect(catcher.mails.filter((m) => m.to.includes(email.toLowerCase()) && newBrowser.test(m.subject))).toHaveLength(1);
  });
});
