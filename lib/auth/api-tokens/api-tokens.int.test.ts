// Personal API tokens against the real route handlers and database: scopes are enforced with
// RFC 6750 errors, revocation takes effect on the next request, use is recorded, and an API
// token can never do what only a signed-in person may.
import { describe, expect, it } from 'vitest';
import { POST as logoutAll } from '@/app/api/auth/logout-all/route';
import { POST as signup } from '@/app/api/auth/signup/route';
import { POST as token } from '@/app/api/auth/token/route';
import { GET as me } from '@/app/api/me/route';
import { db } from '@/lib/db';
import { makeRequest, tokensFrom, uniqueEmail } from '@/test/auth-requests';
import { createApiToken, listApiTokens, revokeApiToken, touchApiToken } from './api-tokens';
import { advanceClock } from '@/test/clock';

const ctx = {} as never;

async function newUser() {
  const response = await signup(
    makeRequest('/api/auth/signup', 'POST', { body: { email: uniqueEmail('apitok'), password: 'correct horse battery', name: 'Tok En' } }),
    ctx,
  );
  expect(response.status).toBe(201);
  return { user: (await response.json()).user as { id: string }, tokens: tokensFrom(response) };
}

const getMe = (bearer: string) => me(makeRequest('/api/me', 'GET', { origin: null, bearer }), ctx);

describe('personal API tokens', () => {
  it('work on routes within their scope and get 403 insufficient_scope elsewhere', async () => {
    const { user } = await newUser();
    const profile = await createApiToken({ userId: user.id, name: 'profile reader', scopes: ['profile:read'], ttlDays: 30 });
    const cartOnly = await createApiToken({ userId: user.id, name: 'cart reader', scopes: ['cart:read'], ttlDays: 30 });

    const allowed = await getMe(profile.token);
    expect(allowed.status).toBe(200);
    expect((await allowed.json()).user.id).toBe(user.id);

    const refused = await getMe(cartOnly.token);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer error="insufficient_scope", scope="profile:read"');
    expect((await refused.json()).error.code).toBe('insufficient_scope');
  });

  it('stop working on the very next request after revocation', async () => {
    const { user } = await newUser();
    const { token: apiToken, apiToken: summary } = await createApiToken({ userId: user.id, name: 'script', scopes: ['profile:read'], ttlDays: 7 });
    expect((await getMe(apiToken)).status).toBe(200);

    await revokeApiToken({ userId: user.id, id: summary.id });
    expect((await getMe(apiToken)).status).toBe(401);
    const [listed] = await listApiTokens({ userId: user.id });
    expect(listed!.revokedAt).not.toBeNull();
    expect(await (await db()).revokedToken.findUnique({ where: { jti: summary.id } })).toMatchObject({ kind: 'api_token', reason: 'revoked' });
  });

  it('cannot be revoked by another user', async () => {
    const owner = await newUser();
    const other = await newUser();
    const { apiToken } = await createApiToken({ userId: owner.user.id, name: 'mine', scopes: ['profile:read'], ttlDays: 7 });
    await expect(revokeApiToken({ userId: other.user.id, id: apiToken.id })).rejects.toMatchObject({ status: 404 });
    expect((await listApiTokens({ userId: owner.user.id }))[0]!.revokedAt).toBeNull();
  });

  it('record their last use, at most once a minute', async () => {
    const { user } = await newUser();
    const { token: apiToken, apiToken: summary } = await createApiToken({ userId: user.id, name: 'used', scopes: ['profile:read'], ttlDays: 7 });
    expect((await listApiTokens({ userId: user.id }))[0]!.lastUsedAt).toBeNull();
    await getMe(apiToken);
    const first = (await listApiTokens({ userId: user.id }))[0]!.lastUsedAt;
    expect(first).not.toBeNull();
    await touchApiToken(summary.id, Date.parse(first!) + 30_000);
    expect((await listApiTokens({ userId: user.id }))[0]!.lastUsedAt).toBe(first);
    await touchApiToken(summary.id, Date.parse(first!) + 61_000);
    expect((await listApiTokens({ userId: user.id }))[0]!.lastUsedAt).not.toBe(first);
  });

  it('cannot sign out everywhere, refresh, or mint tokens at the token endpoint', async () => {
    const { user } = await newUser();
    const { token: apiToken } = await createApiToken({
      userId: user.id,
      name: 'everything',
      scopes: ['profile:read', 'cart:read', 'cart:write', 'orders:read'],
      ttlDays: 7,
    });
    const everywhere = await logoutAll(makeRequest('/api/auth/logout-all', 'POST', { origin: null, bearer: apiToken }), ctx);
    expect(everywhere.status).toBe(403);
    await expect((await db()).user.findUnique({ where: { id: user.id } })).resolves.toMatchObject({ tokensValidAfter: new Date(0) });

    const minted = await token(
      new Request('http://localhost:3000/api/auth/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: apiToken }).toString(),
      }),
    );
    expect((await minted.json()).error).toBe('invalid_grant');
  });

  it('die with sign-out everywhere like every other token', async () => {
    const { user, tokens } = await newUser();
    const { token: apiToken } = await createApiToken({ userId: user.id, name: 'old', scopes: ['profile:read'], ttlDays: 7 });
    advanceClock(5);
    const response = await logoutAll(makeRequest('/api/auth/logout-all', 'POST', { cookie: `access=${tokens.access}` }), ctx);
    expect(response.status).toBe(204);
    expect((await getMe(apiToken)).status).toBe(401);
  });
});
