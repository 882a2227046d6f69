// POST /api/auth/logout with `Authorization: Bearer` (a program: no cookies), through the real
// handlers and database (SQLite and Postgres): a refresh token signs its sign-in out; a value that
// is no good access or refresh token is 401 invalid_token (nothing revoked, and the program knows
// it); a personal API token is revoked like from /account (row marked, `api_token_revoked`).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GET as listTokensRoute } from '@/app/api/account/tokens/route';
import { POST as tokenRoute } from '@/app/api/auth/token/route';
import { resetRateLimitsForTests } from '@/lib/auth/accounts';
import { createApiToken } from '@/lib/auth/api-tokens';
import { issueTokenPair, rotateRefreshToken } from '@/lib/auth/sign-ins';
import { clearVerifyMemo } from '@/lib/auth/tokens';
import { db } from '@/lib/db';
import { APP, errorBody, makeRequest, parseSetCookie } from '@/test/auth-requests';
import { api, NO_CONTEXT, signedUp, TEST_PASSWORD } from '@/test/auth-routes';

beforeEach(() => resetRateLimitsForTests());
afterEach(() => clearVerifyMemo());

interface Grant {
  access_token: string;
  refresh_token: string;
}

function tokenRequest(fields: Record<string, string>): Request {
  return new Request(`${APP}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

async function passwordGrant(email: string): Promise<Grant> {
  const response = await tokenRoute(tokenRequest({ grant_type: 'password', username: email, password: TEST_PASSWORD }), NO_CONTEXT);
  expect(response.status).toBe(200);
  return (await response.json()) as Grant;
}

const refreshGrant = (refresh: string) => tokenRoute(tokenRequest({ grant_type: 'refresh_token', refresh_token: refresh }), NO_CONTEXT);
const sidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sid as string;
const logoutBearer = (bearer: string) => api.logout({ origin: null, bearer });
const meBearer = async (bearer: string) => (await api.me({ bearer })).status;

async function expectInvalidToken(response: Response) {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
  expect((await errorBody(response)).error.code).toBe('invalid_token');
  // A program's sign-out sets and clears no cookie either way.
  expect(response.headers.getSetCookie()).toEqual([]);
}

describe('sign-out with a Bearer refresh token (the token endpoint’s clients)', () => {
  it('ends the sign-in: the refresh token no longer refreshes, the access token no longer works, the row and audit say sign_out', async () => {
    const { email, user } = await signedUp();
    const grant = await passwordGrant(email);
    const sid = sidOf(grant.refresh_token);

    const response = await logoutBearer(grant.refresh_token);
    expect(response.status).toBe(204);

    expect((await refreshGrant(grant.refresh_token)).status).toBe(400);
    expect(await meBearer(grant.access_token)).toBe(401);
    const prisma = await db();
    expect(await prisma.revokedToken.findUnique({ where: { jti: sid } })).toMatchObject({ kind: 'session', reason: 'logout', userId: user.id });
    expect(await prisma.session.findUnique({ where: { id: sid } })).toMatchObject({ revokedReason: 'logout' });
    expect(await prisma.auditEvent.count({ where: { userId: user.id, type: 'sign_out' } })).toBe(1);
  });

  it('the access token still works as before (204, its sign-in ends)', async () => {
    const { email } = await signedUp();
    const grant = await passwordGrant(email);
    expect((await logoutBearer(grant.access_token)).status).toBe(204);
    expect((await refreshGrant(grant.refresh_token)).status).toBe(400);
  });

  it('a refresh token that is already revoked, rotated, or from before sign-out everywhere is 401 invalid_token', async () => {
    const { email, tokens } = await signedUp();
    const first = await passwordGrant(email);
    expect((await logoutBearer(first.refresh_token)).status).toBe(204);
    await expectInvalidToken(await logoutBearer(first.refresh_token));

    const second = await passwordGrant(email);
    const rotated = await refreshGrant(second.refresh_token);
    expect(rotated.status).toBe(200);
    const successor = (await rotated.json()) as Grant;
    await expectInvalidToken(await logoutBearer(second.refresh_token));
    // The old token's refusal revoked nothing: the successor still refreshes, then signs out.
    expect((await logoutBearer(successor.refresh_token)).status).toBe(204);

    const third = await passwordGrant(email);
    expect((await api.logoutAll({ cookie: `access=${tokens.access}` })).status).toBe(204);
    await expectInvalidToken(await logoutBearer(third.refresh_token));
  });
});

describe('a refresh token as Bearer, judged by its account and its sign-in row', () => {
  it('of a deleted account is 401 invalid_token (never a 500)', async () => {
    const { email, user } = await signedUp();
    const grant = await passwordGrant(email);
    await (await db()).user.delete({ where: { id: user.id } });
    await expectInvalidToken(await logoutBearer(grant.refresh_token));
  });

  it('issued before the account’s tokensValidAfter is 401, even with its family not revoked by id', async () => {
    const { email, user } = await signedUp();
    const grant = await passwordGrant(email);
    // Every token up to now dies at the session check; this family was not revoked one by one.
    await (await db()).user.update({ where: { id: user.id }, data: { tokensValidAfter: new Date(Date.now() + 1000) } });
    await expectInvalidToken(await logoutBearer(grant.refresh_token));
  });

  it('of a sign-in whose row is gone (a family from before rows existed) still signs it out: 204, the family revoked', async () => {
    const { email } = await signedUp();
    const grant = await passwordGrant(email);
    const sid = sidOf(grant.refresh_token);
    await (await db()).session.delete({ where: { id: sid } });
    expect((await logoutBearer(grant.refresh_token)).status).toBe(204);
    expect(await (await db()).revokedToken.findUnique({ where: { jti: sid } })).not.toBeNull();
  });
});

describe('a Bearer value that is no good token: 401 invalid_token, nothing revoked', () => {
  it('an expired access token', async () => {
    const { user, tokens } = await signedUp();
    const old = await issueTokenPair(user.id, tokens.accessClaims.sid, Date.now() - 2 * 3600_000);
    await expectInvalidToken(await logoutBearer(old.access.token));
    // The sign-in it named is untouched.
    expect((await rotateRefreshToken(tokens.refresh)).ok).toBe(true);
    expect(await (await db()).revokedToken.findUnique({ where: { jti: tokens.accessClaims.sid } })).toBeNull();
  });

  it('garbage, and a token with a forged signature', async () => {
    const { email } = await signedUp();
    const grant = await passwordGrant(email);
    await expectInvalidToken(await logoutBearer('not.a.token'));
    const [h, p] = grant.refresh_token.split('.');
    await expectInvalidToken(await logoutBearer(`${h}.${p}.${'A'.repeat(43)}`));
    expect((await refreshGrant(grant.refresh_token)).status).toBe(200);
  });

  it('an Authorization header that is no Bearer value is 401 invalid_token, with or without an Origin, and the cookies’ sign-in lives on', async () => {
    const { tokens } = await signedUp();
    const cookie = `access=${tokens.access}; refresh=${tokens.refresh}`;
    for (const authorization of ['Bearer', 'Bearer not a token', 'Basic dXNlcjpwYXNz']) {
      for (const origin of [null, APP]) {
        const response = await api.logout({ origin, cookie, headers: { authorization } });
        await expectInvalidToken(response);
        expect(parseSetCookie(response).size, authorization).toBe(0);
      }
    }
    expect((await api.me({ cookie: `access=${tokens.access}` })).status).toBe(200);
  });

  it('the cookie path is unchanged: bad cookies still get 204 and cleared cookies', async () => {
    const response = await api.logout({ cookie: 'access=garbage; refresh=garbage' });
    expect(response.status).toBe(204);
    expect(parseSetCookie(response).get('access')?.attributes['max-age']).toBe('0');
  });
});

describe('sign-out with a personal API token as Bearer', () => {
  it('revokes it like /account does: listed as revoked, audit api_token_revoked (not sign_out), refused at once and after the purge window', async () => {
    const { user, tokens } = await signedUp();
    const created = await createApiToken({ userId: user.id, name: 'ci script', scopes: ['profile:read'], ttlDays: 90 });
    expect(await meBearer(created.token)).toBe(200);

    expect((await logoutBearer(created.token)).status).toBe(204);
    expect(await meBearer(created.token)).toBe(401);

    const listed = await listTokensRoute(makeRequest('/api/account/tokens', 'GET', { origin: null, cookie: `access=${tokens.access}` }), NO_CONTEXT);
    expect(listed.status).toBe(200);
    const { tokens: rows } = (await listed.json()) as { tokens: { id: string; revokedAt: string | null }[] };
    expect(rows.find((t) => t.id === created.apiToken.id)?.revokedAt).not.toBeNull();

    const prisma = await db();
    const events = await prisma.auditEvent.findMany({ where: { userId: user.id, type: { in: ['api_token_revoked', 'sign_out'] } }, select: { type: true, detail: true } });
    expect(events).toEqual([{ type: 'api_token_revoked', detail: 'ci script' }]);
    // Revoked for the token's whole life, not a refresh token's: the purge cannot bring it back.
    const revocation = await prisma.revokedToken.findUniqueOrThrow({ where: { jti: created.apiToken.id } });
    expect(revocation).toMatchObject({ kind: 'api_token', reason: 'revoked' });
    expect(revocation.expiresAt.toISOString()).toBe(created.apiToken.expiresAt);
  });
});
