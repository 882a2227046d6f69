// The second audit's token-lifecycle holes, through the real handlers and database (SQLite and
// Postgres): one live branch per refresh family, the sign-in facts (auth_time, amr, narrowed
// scope) carried through refresh and step-up, the session's absolute end, old tokens still valid,
// sign-out everywhere against a refresh in flight, and API tokens ended with the password.
import { decodeJwt } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POST as mintApiToken } from '@/app/api/account/tokens/route';
import { POST as logoutAll } from '@/app/api/auth/logout-all/route';
import { GET as refreshGet, POST as refreshPost } from '@/app/api/auth/refresh/route';
import { POST as signup } from '@/app/api/auth/signup/route';
import { POST as token } from '@/app/api/auth/token/route';
import { GET as me } from '@/app/api/me/route';
import { GET as orders } from '@/app/api/orders/route';
import { GET as cart } from '@/app/api/cart/route';
import { changePassword } from '@/lib/auth/accounts';
import { createApiToken, listApiTokens } from '@/lib/auth/api-tokens';
import { resetRateLimitsForTests } from '@/lib/auth/accounts';
import { authTimeOf, issueTokenPair, listActiveSessions, reauthenticate, rotateRefreshToken, startSession } from '@/lib/auth/sign-ins';
import { API_SCOPES, clearVerifyMemo, isApiToken, uuidv7 } from '@/lib/auth/tokens';
import { db } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { APP, accessCookie, authCookies, makeRequest, tokensFrom, uniqueEmail, type Tokens } from '@/test/auth-requests';

const ctx = {} as never;
const PASSWORD = 'correct horse battery';
const meta = { ipAddress: null, userAgent: 'vitest' };

async function signedUp() {
  const email = uniqueEmail('life2');
  const response = await signup(makeRequest('/api/auth/signup', 'POST', { body: { email, password: PASSWORD, name: 'Ada' } }), ctx);
  expect(response.status).toBe(201);
  const { user } = (await response.json()) as { user: { id: string } };
  return { email, user, tokens: tokensFrom(response) };
}

const meStatus = async (t: Pick<Tokens, 'access'>) => (await me(makeRequest('/api/me', 'GET', { origin: null, cookie: accessCookie(t) }), ctx)).status;
const bearerStatus = async (handler: typeof me, path: string, access: string) =>
  (await handler(makeRequest(path, 'GET', { origin: null, bearer: access }), ctx)).status;
const refresh = (t: Pick<Tokens, 'access' | 'refresh'>) => refreshPost(makeRequest('/api/auth/refresh', 'POST', { cookie: authCookies(t) }), ctx);

function tokenForm(fields: Record<string, string>): Request {
  return new Request(`${APP}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

beforeEach(() => resetRateLimitsForTests());
afterEach(() => {
  for (const name of ['AUTH_REFRESH_GRACE', 'AUTH_SESSION_MAX_AGE']) delete process.env[name];
  resetEnvForTests();
  clearVerifyMemo();
});

describe('one live branch per refresh family', () => {
  it('every replay inside the grace window gets the recorded successor (same jti), the GET hop too; /account shows one sign-in', async () => {
    const { user, tokens } = await signedUp();
    const victim = tokensFrom(await refresh(tokens));
    // The thief replays the copied token (also through a cross-site link to the GET hop).
    const replays = [tokensFrom(await refresh(tokens)), tokensFrom(await refresh(tokens))];
    const hop = await refreshGet(makeRequest('/api/auth/refresh?next=/', 'GET', { origin: null, cookie: authCookies(tokens) }), ctx);
    expect(hop.status).toBe(303);
    replays.push(tokensFrom(hop));
    for (const replay of replays) {
      expect(replay.refreshClaims.jti).toBe(victim.refreshClaims.jti);
      expect(replay.refreshClaims).toEqual(victim.refreshClaims);
      expect(await meStatus(replay)).toBe(200);
    }
    const sessions = await listActiveSessions({ userId: user.id, currentSid: tokens.accessClaims.sid });
    expect(sessions).toHaveLength(1);
  });

  it('after the window, the victim rotating next exposes the thief: the family dies for both', async () => {
    const { tokens } = await signedUp();
    const victim = tokensFrom(await refresh(tokens));
    const thief = tokensFrom(await refresh(tokens)); // inside the window: the same successor
    const victimNext = await rotateRefreshToken(victim.refresh);
    expect(victimNext.ok).toBe(true);
    const later = await rotateRefreshToken(thief.refresh, Date.now() + 11_000);
    expect(later).toEqual({ ok: false, reason: 'reuse' });
    if (!victimNext.ok) return;
    expect(await meStatus({ access: victimNext.tokens.access.token })).toBe(401);
  });

  it('after the window, the thief rotating next exposes itself when the victim comes back', async () => {
    const { tokens } = await signedUp();
    const victim = tokensFrom(await refresh(tokens));
    const thiefNext = await rotateRefreshToken(tokensFrom(await refresh(tokens)).refresh);
    expect(thiefNext.ok).toBe(true);
    expect(await rotateRefreshToken(victim.refresh, Date.now() + 11_000)).toEqual({ ok: false, reason: 'reuse' });
    if (!thiefNext.ok) return;
    expect(await meStatus({ access: thiefNext.tokens.access.token })).toBe(401);
    expect((await rotateRefreshToken(thiefNext.tokens.refresh.token)).ok).toBe(false);
  });

  it('concurrent presentations of one token all end on the same successor', async () => {
    const { tokens } = await signedUp();
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => rotateRefreshToken(tokens.refresh)));
    const jtis = new Set(outcomes.map((o) => (o.ok ? o.tokens.refresh.claims.jti : `failed:${o.reason}`)));
    expect(jtis.size).toBe(1);
    expect([...jtis][0]).not.toMatch(/^failed/);
  });
});

describe('sign-in facts: auth_time, amr, the absolute end', () => {
  it('sign-in tokens carry auth_time and amr, unchanged through refresh; the row keeps them', async () => {
    const { tokens } = await signedUp();
    const claims = decodeJwt(tokens.access);
    expect(claims.amr).toEqual(['pwd']);
    expect(typeof claims.auth_time).toBe('number');
    const next = tokensFrom(await refresh(tokens));
    for (const t of [next.access, next.refresh]) expect(decodeJwt(t)).toMatchObject({ auth_time: claims.auth_time, amr: ['pwd'] });
    const row = await (await db()).session.findUniqueOrThrow({ where: { id: tokens.accessClaims.sid } });
    expect(row).toMatchObject({ amr: 'pwd', refreshJti: next.refreshClaims.jti, previousRefreshJti: tokens.refreshClaims.jti });
    expect(row.authTime!.getTime()).toBe((claims.auth_time as number) * 1000);
  });

  it('a session ends AUTH_SESSION_MAX_AGE after auth_time: tokens never outlive it, refresh refuses past it', async () => {
    process.env.AUTH_SESSION_MAX_AGE = '3600';
    resetEnvForTests();
    const { user } = await signedUp();
    const start = Date.now();
    const pair = await startSession(user.id, meta, { amr: ['pwd'] }, start);
    const end = Math.floor(start / 1000) + 3600;
    expect(pair.refresh.claims.exp).toBe(end);
    // Refreshing near the end does not extend it...
    const near = await rotateRefreshToken(pair.refresh.token, start + 3590_000);
    expect(near.ok).toBe(true);
    if (!near.ok) return;
    expect(near.tokens.access.claims.exp).toBeLessThanOrEqual(end);
    expect(near.tokens.refresh.claims.exp).toBeLessThanOrEqual(end);
    // ...and past it the refresh token is over (expired), whatever its own exp says.
    expect((await rotateRefreshToken(near.tokens.refresh.token, start + 3601_000)).ok).toBe(false);
  });

  it('tokens from before the claims existed stay valid and refresh; auth_time reads as the family creation, amr as pwd', async () => {
    const { user } = await signedUp();
    const created = Date.now() - 5_000;
    const sid = uuidv7(created);
    const old = await issueTokenPair(user.id, sid, created);
    expect(old.access.claims.auth_time).toBeUndefined();
    expect(authTimeOf(old.access.claims)).toBe(Math.floor(created / 1000));
    expect(await meStatus({ access: old.access.token })).toBe(200);
    const rotated = await rotateRefreshToken(old.refresh.token);
    expect(rotated.ok).toBe(true);
    if (!rotated.ok) return;
    expect(rotated.tokens.access.claims).toMatchObject({ auth_time: Math.floor(created / 1000), amr: ['pwd'], sid });
    expect(isApiToken(rotated.tokens.access.claims)).toBe(false);
  });

  it('reauthenticate renews auth_time in the same family and rotates like a refresh', async () => {
    const { user } = await signedUp();
    const start = Date.now() - 60_000;
    const pair = await startSession(user.id, meta, { amr: ['pwd'] }, start);
    const stepped = await reauthenticate({ userId: user.id, sid: pair.access.claims.sid, amr: ['pwd', 'otp', 'mfa'] });
    expect(stepped.access.claims).toMatchObject({ sid: pair.access.claims.sid, amr: ['pwd', 'otp', 'mfa'] });
    expect(stepped.access.claims.auth_time!).toBeGreaterThan(pair.access.claims.auth_time!);
    expect(authTimeOf(stepped.access.claims)).toBe(stepped.access.claims.auth_time);
    // The replaced refresh token gets the new successor inside the window, and is reuse after it.
    const again = await rotateRefreshToken(pair.refresh.token);
    expect(again.ok && again.tokens.refresh.claims.jti).toBe(stepped.refresh.claims.jti);
    expect(again.ok && again.tokens.access.claims.amr).toEqual(['pwd', 'otp', 'mfa']);
    expect(await rotateRefreshToken(pair.refresh.token, Date.now() + 11_000)).toEqual({ ok: false, reason: 'reuse' });
  });
});

describe('the token endpoint narrows the scope it is asked for', () => {
  it('a narrowed sign-in token can do only its scope, says so, stays a sign-in, and refresh keeps the scope', async () => {
    const { email } = await signedUp();
    const response = await token(tokenForm({ grant_type: 'password', username: email, password: PASSWORD, scope: 'orders:read' }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; refresh_token: string; scope: string };
    expect(body.scope).toBe('orders:read');
    const claims = decodeJwt(body.access_token) as { scope?: string; auth_time?: number };
    expect(claims.scope).toBe('orders:read');
    expect(isApiToken({ scope: claims.scope, auth_time: claims.auth_time })).toBe(false);
    expect(await bearerStatus(orders, '/api/orders', body.access_token)).toBe(200);
    expect(await bearerStatus(me, '/api/me', body.access_token)).toBe(403);
    expect(await bearerStatus(cart, '/api/cart', body.access_token)).toBe(403);

    // Widening at refresh is refused, and leaves the refresh token usable.
    const widen = await token(tokenForm({ grant_type: 'refresh_token', refresh_token: body.refresh_token, scope: 'orders:read cart:read' }));
    expect(widen.status).toBe(400);
    expect((await widen.json()).error).toBe('invalid_scope');
    const refreshed = await token(tokenForm({ grant_type: 'refresh_token', refresh_token: body.refresh_token }));
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as { access_token: string; scope: string };
    expect(next.scope).toBe('orders:read');
    expect(decodeJwt(next.access_token).scope).toBe('orders:read');
    expect(await bearerStatus(me, '/api/me', next.access_token)).toBe(403);
  });

  it('asking for every API scope by name still narrows: such a token cannot mint an API token, which a full sign-in can', async () => {
    const { email } = await signedUp();
    const mint = (access: string) =>
      mintApiToken(makeRequest('/api/account/tokens', 'POST', { origin: null, bearer: access, body: { name: 'script', scopes: ['profile:read'], expiresInDays: 30 } }), ctx);
    const every = [...API_SCOPES].reverse().join(' ');
    const narrowed = await token(tokenForm({ grant_type: 'password', username: email, password: PASSWORD, scope: every }));
    expect(narrowed.status).toBe(200);
    const body = (await narrowed.json()) as { access_token: string; refresh_token: string; scope: string };
    expect(decodeJwt(body.access_token).scope).toBe([...API_SCOPES].sort().join(' '));
    expect(await bearerStatus(me, '/api/me', body.access_token)).toBe(200);
    expect((await mint(body.access_token)).status).toBe(403);
    // …and it stays narrowed after a refresh.
    const refreshed = await token(tokenForm({ grant_type: 'refresh_token', refresh_token: body.refresh_token }));
    expect((await mint(((await refreshed.json()) as { access_token: string }).access_token)).status).toBe(403);

    const full = (await (await token(tokenForm({ grant_type: 'password', username: email, password: PASSWORD }))).json()) as { access_token: string };
    expect(decodeJwt(full.access_token).scope).toBeUndefined();
    expect((await mint(full.access_token)).status).toBe(201);
  });
});

describe('ending API tokens', () => {
  it('changing the password revokes API tokens by default and says how many; the box unticked keeps them', async () => {
    const { user, tokens } = await signedUp();
    const a = await createApiToken({ userId: user.id, name: 'script', scopes: ['profile:read'], ttlDays: 30 });
    await createApiToken({ userId: user.id, name: 'phone', scopes: ['orders:read'], ttlDays: 30 });
    expect(await bearerStatus(me, '/api/me', a.token)).toBe(200);
    const result = await changePassword({ userId: user.id, currentSid: tokens.accessClaims.sid, currentPassword: PASSWORD, newPassword: 'another long secret', signOutOthers: true, meta });
    expect(result).toEqual({ otherSessionsEnded: 0, apiTokensRevoked: 2 });
    expect(await bearerStatus(me, '/api/me', a.token)).toBe(401);
    // Both listed, both revoked (an `every` over the list would also pass on an empty one).
    expect((await listApiTokens({ userId: user.id })).map((t) => [t.name, t.revokedAt !== null]).sort()).toEqual([['phone', true], ['script', true]]);

    const b = await createApiToken({ userId: user.id, name: 'kept', scopes: ['profile:read'], ttlDays: 30 });
    const kept = await changePassword({ userId: user.id, currentSid: tokens.accessClaims.sid, currentPassword: 'another long secret', newPassword: 'a third long secret', signOutOthers: false, revokeApiTokens: false, meta });
    expect(kept.apiTokensRevoked).toBe(0);
    expect(await bearerStatus(me, '/api/me', b.token)).toBe(200);
  });

  it('sign-out everywhere lists the API tokens as revoked, and revokes every live family', async () => {
    const { user, tokens } = await signedUp();
    const api = await createApiToken({ userId: user.id, name: 'script', scopes: ['profile:read'], ttlDays: 30 });
    const response = await logoutAll(makeRequest('/api/auth/logout-all', 'POST', { cookie: accessCookie(tokens) }), ctx);
    expect(response.status).toBe(204);
    const listed = await listApiTokens({ userId: user.id });
    expect(listed.find((t) => t.id === api.apiToken.id)?.revokedAt).not.toBeNull();
    const family = await (await db()).revokedToken.findUnique({ where: { jti: tokens.accessClaims.sid } });
    expect(family).toMatchObject({ kind: 'session', reason: 'logout_all' });
  });

  it('a refresh in flight that stamps tokens after sign-out everywhere cannot keep its family alive', async () => {
    const { user, tokens } = await signedUp();
    const response = await logoutAll(makeRequest('/api/auth/logout-all', 'POST', { cookie: accessCookie(tokens) }), ctx);
    expect(response.status).toBe(204);
    // What a refresh that read the user just before the commit would hand out: tokens of the same
    // family, issued after tokensValidAfter. The family's revocation still kills them.
    const late = await issueTokenPair(user.id, tokens.accessClaims.sid, Date.now() + 5);
    expect(await meStatus({ access: late.access.token })).toBe(401);
    expect((await rotateRefreshToken(late.refresh.token, Date.now() + 10)).ok).toBe(false);
  });
});
