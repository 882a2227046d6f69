// Social sign-in end to end through the real route handlers, a real database, a real OpenID
// provider (oidc-provider on loopback) and the GitHub stand-in, driven over HTTP: account
// creation, the linking rules, connect/disconnect, re-authentication, and every refusal
// (tampered state, replayed callback, wrong nonce, another audience, denied consent).
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DELETE as unlinkRoute } from '@/app/api/account/providers/[provider]/route';
import { GET as providersRoute } from '@/app/api/account/providers/route';
import { GET as callbackRoute } from '@/app/api/auth/oidc/callback/route';
import { GET as startRoute } from '@/app/api/auth/oidc/start/route';
import { GET as refreshHopRoute } from '@/app/api/auth/refresh/route';
import { POST as signupRoute } from '@/app/api/auth/signup/route';
import { POST as tokenRoute } from '@/app/api/auth/token/route';
import { GITHUB_TEST_CLIENT, startGithubStandIn, type GithubStandIn } from '@/e2e/support/github-stand-in';
import { OIDC_OTHER_CLIENT, OIDC_TEST_CLIENT, startOidcProvider, type TestOidcProvider } from '@/e2e/support/oidc-provider';
import { resetRateLimitsForTests, setPassword } from '@/lib/auth/accounts';
import { startSession } from '@/lib/auth/sign-ins';
import { db } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { APP, accessCookie, makeRequest, parseSetCookie, tokensFrom, uniqueEmail } from '@/test/auth-requests';
import { driveGithubStandIn, driveOidcProvider, idTokenForClient } from '@/test/oidc-drive';
import { forgetDiscoveredProviders } from './providers/oidc';

const ctx = {} as never;
const CALLBACK = `${APP}/api/auth/oidc/callback`;
const PROVIDER_ENV = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_LABEL', 'GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET', 'GITHUB_AUTHORIZE_URL', 'GITHUB_TOKEN_URL', 'GITHUB_API_URL'];

let oidc: TestOidcProvider;
let github: GithubStandIn;

beforeAll(async () => {
  // Free ports (0) unless the environment names them: several suites share this machine.
  oidc = await startOidcProvider({ port: Number(process.env.OIDC_TEST_PORT ?? 0), redirectUris: [CALLBACK] });
  github = await startGithubStandIn({ port: Number(process.env.GITHUB_TEST_PORT ?? 0) });
  Object.assign(process.env, {
    OIDC_ISSUER: oidc.issuer,
    OIDC_CLIENT_ID: OIDC_TEST_CLIENT.id,
    OIDC_CLIENT_SECRET: OIDC_TEST_CLIENT.secret,
    OIDC_LABEL: 'Test ID',
    GITHUB_CLIENT_ID: GITHUB_TEST_CLIENT.id,
    GITHUB_CLIENT_SECRET: GITHUB_TEST_CLIENT.secret,
    GITHUB_AUTHORIZE_URL: `${github.url}/login/oauth/authorize`,
    GITHUB_TOKEN_URL: `${github.url}/login/oauth/access_token`,
    GITHUB_API_URL: github.url,
  });
  resetEnvForTests();
  forgetDiscoveredProviders();
});

afterAll(async () => {
  for (const name of PROVIDER_ENV) delete process.env[name];
  resetEnvForTests();
  forgetDiscoveredProviders();
  await Promise.all([oidc?.close(), github?.close()]);
});

beforeEach(() => resetRateLimitsForTests());

interface Started {
  authorizationUrl: string;
  /** The Cookie header carrying the sealed `oidc` flow cookie. */
  flowCookie: string;
}

async function start(query: string, cookie?: string, headers: Record<string, string> = {}): Promise<Started> {
  const response = await startRoute(makeRequest(`/api/auth/oidc/start?${query}`, 'GET', { origin: null, cookie, headers }), ctx);
  expect(response.status).toBe(303);
  const flow = parseSetCookie(response).get('oidc');
  expect(flow, `no flow cookie; went to ${response.headers.get('location')}`).toBeDefined();
  expect(flow!.attributes).toMatchObject({ httponly: true, samesite: 'lax', path: '/', 'max-age': '600' });
  return { authorizationUrl: response.headers.get('location')!, flowCookie: `oidc=${flow!.value}` };
}

async function callback(url: URL, cookie: string): Promise<Response> {
  return callbackRoute(makeRequest(`/api/auth/oidc/callback${url.search}`, 'GET', { origin: null, cookie }), ctx);
}

/** Where the callback sent the browser, and whether it set session cookies. */
function outcome(response: Response) {
  const cookies = parseSetCookie(response);
  const location = new URL(response.headers.get('location')!);
  return {
    status: response.status,
    path: location.pathname,
    error: location.searchParams.get('oidc_error'),
    location,
    signedIn: Boolean(cookies.get('access')?.value),
    flowCleared: cookies.get('oidc')?.attributes['max-age'] === '0',
  };
}

async function signInWithOidc(login: string, next = '/') {
  const started = await start(`provider=oidc&next=${encodeURIComponent(next)}`);
  const back = await driveOidcProvider(started.authorizationUrl, { login, callbackPrefix: CALLBACK });
  return callback(back, started.flowCookie);
}

async function signInWithGithub(login: string, email: string, verified = true) {
  const started = await start('provider=github');
  const back = await driveGithubStandIn(started.authorizationUrl, { login, email, verified, callbackPrefix: CALLBACK });
  return callback(back, started.flowCookie);
}

async function passwordUser(email = uniqueEmail('pw')) {
  const response = await signupRoute(makeRequest('/api/auth/signup', 'POST', { body: { email, password: 'correct horse battery', name: 'Pat' } }), ctx);
  expect(response.status).toBe(201);
  return { email, tokens: tokensFrom(response), user: (await response.json()).user as { id: string } };
}

const accountsOf = async (userId: string) => (await db()).account.findMany({ where: { userId } });

describe('sign-in with an OpenID provider', () => {
  it('the authorization request uses the code flow with PKCE S256, state, nonce and the fixed redirect URI', async () => {
    const { authorizationUrl } = await start('provider=oidc');
    const url = new URL(authorizationUrl);
    expect(url.origin).toBe(new URL(oidc.issuer).origin);
    const p = url.searchParams;
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe(OIDC_TEST_CLIENT.id);
    expect(p.get('redirect_uri')).toBe(CALLBACK);
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(p.get('state')!.length).toBeGreaterThanOrEqual(22);
    expect(p.get('nonce')!.length).toBeGreaterThanOrEqual(22);
    expect(p.get('scope')).toBe('openid email profile');
  });

  it('first sign-in creates an account without a password; the second finds it; amr says fed', async () => {
    const email = uniqueEmail('oidc-new');
    const first = outcome(await signInWithOidc(email, '/orders?page=2'));
    expect(first).toMatchObject({ status: 303, path: '/orders', signedIn: true, flowCleared: true });
    expect(first.location.search).toBe('?page=2');
    const user = await (await db()).user.findUniqueOrThrow({ where: { email }, include: { accounts: true } });
    expect(user.passwordHash).toBeNull();
    expect(user.accounts).toMatchObject([{ provider: oidc.issuer, subject: email, email }]);

    const second = await signInWithOidc(email);
    expect(outcome(second)).toMatchObject({ path: '/', signedIn: true });
    const claims = decodeJwt(tokensFrom(second).access);
    expect(claims.sub).toBe(user.id);
    expect(claims.amr).toEqual(['fed']);
    expect(typeof claims.auth_time).toBe('number');
    expect(await (await db()).user.count({ where: { email } })).toBe(1);
    const events = await (await db()).auditEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => e.type)).toEqual(['provider_linked', 'sign_in_provider', 'sign_in_provider']);
  });

  it('a `next` that leaves the site becomes /', async () => {
    const response = await signInWithOidc(uniqueEmail('oidc-next'), 'https://evil.example/x');
    expect(outcome(response)).toMatchObject({ path: '/', signedIn: true });
    expect(outcome(response).location.origin).toBe(APP);
  });

  it('links to an existing account only when both the provider and this app verified the address', async () => {
    const email = uniqueEmail('oidc-link');
    // An account made through GitHub, which verified the address: verified here too.
    expect(outcome(await signInWithGithub(`gh-${email}`, email))).toMatchObject({ signedIn: true });
    const user = await (await db()).user.findUniqueOrThrow({ where: { email } });

    const linked = await signInWithOidc(email);
    expect(outcome(linked)).toMatchObject({ signedIn: true });
    expect(decodeJwt(tokensFrom(linked).access).sub).toBe(user.id);
    expect((await accountsOf(user.id)).map((a) => a.provider).sort()).toEqual(['github', oidc.issuer].sort());
  });

  it('links to a password account once its owner has followed the verification mail', async () => {
    const { email, user } = await passwordUser();
    expect(outcome(await signInWithOidc(email))).toMatchObject({ error: 'link_required', signedIn: false });
    await (await db()).user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    const linked = await signInWithOidc(email);
    expect(outcome(linked)).toMatchObject({ signedIn: true });
    expect(decodeJwt(tokensFrom(linked).access).sub).toBe(user.id);
    expect((await accountsOf(user.id)).map((a) => a.provider)).toEqual([oidc.issuer]);
  });

  it('an account created through a provider counts as verified (the provider verified the address)', async () => {
    const email = uniqueEmail('oidc-created');
    expect(outcome(await signInWithOidc(email))).toMatchObject({ signedIn: true });
    expect((await (await db()).user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeInstanceOf(Date);
  });

  it('refuses to link to an account whose address this app has not verified, and says what to do', async () => {
    const { email, user } = await passwordUser();
    const response = await signInWithOidc(email);
    expect(outcome(response)).toMatchObject({ path: '/login', error: 'link_required', signedIn: false, flowCleared: true });
    expect(await accountsOf(user.id)).toEqual([]);
  });

  it('an address the provider has not verified neither creates nor finds an account', async () => {
    const email = uniqueEmail('oidc-unverified');
    const response = await signInWithOidc(`unverified:${email}`);
    expect(outcome(response)).toMatchObject({ path: '/login', error: 'email_unverified', signedIn: false });
    expect(await (await db()).user.count({ where: { email } })).toBe(0);
  });

  it('a different provider identity with the same address does not join an account that already has this provider', async () => {
    const email = uniqueEmail('oidc-second');
    await signInWithOidc(email);
    const response = await signInWithOidc(`work:${email}`);
    expect(outcome(response)).toMatchObject({ error: 'provider_already_linked', signedIn: false });
  });

  it('denied consent ends on /login with a message and no session', async () => {
    const started = await start('provider=oidc');
    const back = await driveOidcProvider(started.authorizationUrl, { login: 'x', cancel: true, callbackPrefix: CALLBACK });
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(outcome(await callback(back, started.flowCookie))).toMatchObject({ path: '/login', error: 'denied', signedIn: false });
  });

  it('a tampered state is refused before the code is used', async () => {
    const started = await start('provider=oidc');
    const back = await driveOidcProvider(started.authorizationUrl, { login: uniqueEmail('oidc-state'), callbackPrefix: CALLBACK });
    back.searchParams.set('state', back.searchParams.get('state')!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    expect(outcome(await callback(back, started.flowCookie))).toMatchObject({ error: 'bad_state', signedIn: false, flowCleared: true });
  });

  it('a callback without its flow cookie (another browser, or expired) is refused', async () => {
    const started = await start('provider=oidc');
    const back = await driveOidcProvider(started.authorizationUrl, { login: uniqueEmail('oidc-nocookie'), callbackPrefix: CALLBACK });
    expect(outcome(await callback(back, ''))).toMatchObject({ error: 'expired_state', signedIn: false });
    const forged = started.flowCookie.replace(/.{4}$/, 'AAAA');
    expect(outcome(await callback(back, forged))).toMatchObject({ error: 'expired_state', signedIn: false });
  });

  it('a replayed callback is refused, with or without the (single-use) flow cookie', async () => {
    const started = await start('provider=oidc');
    const back = await driveOidcProvider(started.authorizationUrl, { login: uniqueEmail('oidc-replay'), callbackPrefix: CALLBACK });
    expect(outcome(await callback(back, started.flowCookie))).toMatchObject({ signedIn: true, flowCleared: true });
    // The browser dropped the cookie: nothing to match the state against.
    expect(outcome(await callback(back, ''))).toMatchObject({ error: 'expired_state', signedIn: false });
    // A copy of the cookie: the provider refuses the used code.
    expect(outcome(await callback(back, started.flowCookie))).toMatchObject({ error: 'expired_code', signedIn: false });
  });

  it('an ID token with another nonce is refused', async () => {
    const started = await start('provider=oidc');
    const url = new URL(started.authorizationUrl);
    url.searchParams.set('nonce', 'a-nonce-this-browser-never-made-0123');
    const back = await driveOidcProvider(url.toString(), { login: uniqueEmail('oidc-nonce'), callbackPrefix: CALLBACK });
    expect(outcome(await callback(back, started.flowCookie))).toMatchObject({ error: 'token_rejected', signedIn: false });
  });

  it('an ID token issued to another client (audience) is refused', async () => {
    const email = uniqueEmail('oidc-aud');
    const started = await start('provider=oidc');
    const nonce = new URL(started.authorizationUrl).searchParams.get('nonce')!;
    // A real token from the same provider, same person, same nonce, but for `other-app`.
    const foreign = await idTokenForClient({ issuer: oidc.issuer, client: OIDC_OTHER_CLIENT, redirectUri: CALLBACK, nonce, login: email });
    expect(decodeJwt(foreign).aud).toBe(OIDC_OTHER_CLIENT.id);
    const back = await driveOidcProvider(started.authorizationUrl, { login: email, callbackPrefix: CALLBACK });
    oidc.substituteNextIdToken(foreign);
    expect(outcome(await callback(back, started.flowCookie))).toMatchObject({ error: 'token_rejected', signedIn: false });
    expect(await (await db()).user.count({ where: { email } })).toBe(0);
  });

  it('an unknown provider key ends on /login with a message', async () => {
    const response = await startRoute(makeRequest('/api/auth/oidc/start?provider=myspace', 'GET', { origin: null }), ctx);
    expect(outcome(response)).toMatchObject({ status: 303, path: '/login', error: 'unknown_provider', signedIn: false });
  });

  it('the password grant answers invalid_grant for an account without a password', async () => {
    const email = uniqueEmail('oidc-grant');
    await signInWithOidc(email);
    const response = await tokenRoute(
      makeRequest('/api/auth/token', 'POST', {
        origin: null,
        raw: new URLSearchParams({ grant_type: 'password', username: email, password: 'anything-at-all' }).toString(),
        contentType: 'application/x-www-form-urlencoded',
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });
});

describe('connect, disconnect and re-authenticate from /account', () => {
  it('a signed-in user connects a provider (link=1), lists it, and disconnects it', async () => {
    const { user, tokens } = await passwordUser();
    const cookie = accessCookie(tokens);
    const started = await start('provider=oidc&link=1', cookie, { 'sec-fetch-site': 'same-origin' });
    const login = uniqueEmail('oidc-connect');
    const back = await driveOidcProvider(started.authorizationUrl, { login, callbackPrefix: CALLBACK });
    const linked = outcome(await callback(back, `${started.flowCookie}; ${cookie}`));
    expect(linked).toMatchObject({ path: '/account', signedIn: false });
    expect(linked.location.searchParams.get('oidc')).toBe('linked');
    expect(await accountsOf(user.id)).toMatchObject([{ provider: oidc.issuer, subject: login }]);

    const list = await providersRoute(makeRequest('/api/account/providers', 'GET', { origin: null, cookie }), ctx);
    expect(await list.json()).toMatchObject({
      providers: [{ provider: oidc.issuer, key: 'oidc', label: 'Test ID', email: login }],
      available: [{ key: 'oidc', linked: true }, { key: 'github', linked: false }],
    });

    // Signing in with that identity now reaches the same account.
    expect(decodeJwt(tokensFrom(await signInWithOidc(login)).access).sub).toBe(user.id);

    const removed = await unlinkRoute(makeRequest(`/api/account/providers/oidc`, 'DELETE', { cookie }), { params: Promise.resolve({ provider: 'oidc' }) });
    expect(removed.status).toBe(204);
    expect(await accountsOf(user.id)).toEqual([]);
    const types = (await (await db()).auditEvent.findMany({ where: { userId: user.id } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['provider_linked', 'provider_unlinked']));
  });

  it('connecting an identity that belongs to another account is refused', async () => {
    const taken = uniqueEmail('oidc-taken');
    await signInWithOidc(taken);
    const { user, tokens } = await passwordUser();
    const cookie = accessCookie(tokens);
    const started = await start('provider=oidc&link=1', cookie);
    const back = await driveOidcProvider(started.authorizationUrl, { login: taken, callbackPrefix: CALLBACK });
    expect(outcome(await callback(back, `${started.flowCookie}; ${cookie}`))).toMatchObject({ path: '/account', error: 'linked_elsewhere' });
    expect(await accountsOf(user.id)).toEqual([]);
  });

  it('a link started by one user cannot finish in another user’s session', async () => {
    const a = await passwordUser();
    const b = await passwordUser();
    const started = await start('provider=oidc&link=1', accessCookie(a.tokens));
    const back = await driveOidcProvider(started.authorizationUrl, { login: uniqueEmail('oidc-swap'), callbackPrefix: CALLBACK });
    expect(outcome(await callback(back, `${started.flowCookie}; ${accessCookie(b.tokens)}`))).toMatchObject({ error: 'session_changed' });
    expect(await accountsOf(a.user.id)).toEqual([]);
    expect(await accountsOf(b.user.id)).toEqual([]);
  });

  it('a sign-in narrowed at the token endpoint, copied into the cookie, can neither start nor finish a link', async () => {
    const { email, user, tokens } = await passwordUser();
    const granted = await tokenRoute(
      makeRequest('/api/auth/token', 'POST', {
        origin: null,
        raw: new URLSearchParams({ grant_type: 'password', username: email, password: 'correct horse battery', scope: 'orders:read' }).toString(),
        contentType: 'application/x-www-form-urlencoded',
      }),
    );
    expect(granted.status).toBe(200);
    const grantedBody = (await granted.json()) as { access_token: string; refresh_token: string };
    const narrowed = accessCookie({ access: grantedBody.access_token });
    const narrowedRefresh = grantedBody.refresh_token;

    // Starting: sent to sign in, with no flow cookie (a fresh narrowed sign-in passes step-up).
    const refused = await startRoute(
      makeRequest('/api/auth/oidc/start?provider=oidc&link=1', 'GET', { origin: null, cookie: narrowed, headers: { 'sec-fetch-site': 'same-origin' } }),
      ctx,
    );
    expect(outcome(refused).path).toBe('/login');
    expect(parseSetCookie(refused).get('oidc')).toBeUndefined();

    // Finishing a link the owner started, in the narrowed token's place.
    const started = await start('provider=oidc&link=1', accessCookie(tokens));
    const back = await driveOidcProvider(started.authorizationUrl, { login: uniqueEmail('oidc-narrowed'), callbackPrefix: CALLBACK });
    expect(outcome(await callback(back, `${started.flowCookie}; ${narrowed}`))).toMatchObject({ error: 'session_changed' });
    expect(await accountsOf(user.id)).toEqual([]);

    // With the narrowed sign-in's refresh cookie too: no trip through the refresh hop (it would
    // renew a narrowed token, and come back here, for ever), the same refusal.
    const again = await start('provider=oidc&link=1', accessCookie(tokens));
    const back2 = await driveOidcProvider(again.authorizationUrl, { login: uniqueEmail('oidc-narrowed'), callbackPrefix: CALLBACK });
    const refused2 = await callback(back2, `${again.flowCookie}; ${narrowed}; refresh=${narrowedRefresh}`);
    expect(outcome(refused2)).toMatchObject({ error: 'session_changed' });
  });

  it('a link cannot be started from another site', async () => {
    const { tokens } = await passwordUser();
    const response = await startRoute(
      makeRequest('/api/auth/oidc/start?provider=oidc&link=1', 'GET', { origin: null, cookie: accessCookie(tokens), headers: { 'sec-fetch-site': 'cross-site' } }),
      ctx,
    );
    expect(outcome(response)).toMatchObject({ path: '/account', error: 'bad_state' });
    expect(parseSetCookie(response).get('oidc')).toBeUndefined();
  });

  it('disconnecting the only way to sign in is refused; after setting a password it is allowed', async () => {
    const email = uniqueEmail('oidc-last');
    const signedIn = await signInWithOidc(email);
    const tokens = tokensFrom(signedIn);
    const cookie = accessCookie(tokens);
    const refused = await unlinkRoute(makeRequest(`/api/account/providers/x`, 'DELETE', { cookie }), { params: Promise.resolve({ provider: oidc.issuer }) });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'last_sign_in_method' } });
    // A name no provider can have is unknown, as any other (the contract's 404).
    const unknown = await unlinkRoute(makeRequest(`/api/account/providers/x`, 'DELETE', { cookie }), { params: Promise.resolve({ provider: 'p'.repeat(301) }) });
    expect(unknown.status).toBe(404);

    const userId = String(decodeJwt(tokens.access).sub);
    await setPassword({ userId, currentSid: String(decodeJwt(tokens.access).sid), newPassword: 'a brand new password', signOutOthers: false, meta: { ipAddress: null, userAgent: 'test' } });
    await expect(setPassword({ userId, currentSid: 'x', newPassword: 'another new password', signOutOthers: false, meta: { ipAddress: null, userAgent: 'test' } })).rejects.toMatchObject({ code: 'password_exists' });
    const allowed = await unlinkRoute(makeRequest(`/api/account/providers/x`, 'DELETE', { cookie }), { params: Promise.resolve({ provider: oidc.issuer }) });
    expect(allowed.status).toBe(204);
  });

  it('a stored provider this deployment no longer offers is no way in: disconnecting the last offered one is refused', async () => {
    const tokens = tokensFrom(await signInWithOidc(uniqueEmail('oidc-retired')));
    const cookie = accessCookie(tokens);
    const userId = String(decodeJwt(tokens.access).sub);
    const unlink = (provider: string) => unlinkRoute(makeRequest(`/api/account/providers/x`, 'DELETE', { cookie }), { params: Promise.resolve({ provider }) });
    const prisma = await db();
    // Linked when OIDC_ISSUER named another provider: nobody can sign in with it here any more.
    const retired = 'https://retired-id.example.test';
    await prisma.account.create({ data: { userId, provider: retired, subject: `retired-${userId}` } });
    const refused = await unlink(oidc.issuer);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'last_sign_in_method' } });

    // A GitHub row counts only while GitHub is configured.
    await prisma.account.create({ data: { userId, provider: 'github', subject: `gh-${userId}` } });
    delete process.env.GITHUB_CLIENT_ID;
    delete process.env.GITHUB_CLIENT_SECRET;
    resetEnvForTests();
    expect((await unlink(oidc.issuer)).status).toBe(409);
    Object.assign(process.env, { GITHUB_CLIENT_ID: GITHUB_TEST_CLIENT.id, GITHUB_CLIENT_SECRET: GITHUB_TEST_CLIENT.secret });
    resetEnvForTests();

    // The retired row goes freely (it was no way in), then the issuer's, GitHub remaining.
    expect((await unlink(retired)).status).toBe(204);
    expect((await unlink(oidc.issuer)).status).toBe(204);
    expect((await accountsOf(userId)).map((a) => a.provider)).toEqual(['github']);
  });

  it('connecting and disconnecting need a recent sign-in (step-up): an 11-minute-old one is sent to confirm first', async () => {
    const { user } = await passwordUser();
    // A sign-in made 11 minutes ago: its access token is still valid (15 min), its auth_time is not recent.
    const old = await startSession(user.id, null, { amr: ['pwd'] }, Date.now() - 11 * 60_000);
    const cookie = accessCookie({ access: old.access.token });
    const list = await providersRoute(makeRequest('/api/account/providers', 'GET', { origin: null, cookie }), ctx);
    expect(list.status).toBe(200);

    const link = await startRoute(makeRequest('/api/auth/oidc/start?provider=oidc&link=1', 'GET', { origin: null, cookie, headers: { 'sec-fetch-site': 'same-origin' } }), ctx);
    expect(outcome(link)).toMatchObject({ path: '/account', error: 'reauth_required' });
    expect(parseSetCookie(link).get('oidc')).toBeUndefined();

    const unlink = await unlinkRoute(makeRequest(`/api/account/providers/oidc`, 'DELETE', { cookie }), { params: Promise.resolve({ provider: 'oidc' }) });
    expect(unlink.status).toBe(403);
    expect(await unlink.json()).toMatchObject({ error: { code: 'reauth_required' } });
  });

  it('unlink from another origin with the cookie is refused', async () => {
    const { tokens } = await passwordUser();
    const response = await unlinkRoute(makeRequest(`/api/account/providers/oidc`, 'DELETE', { cookie: accessCookie(tokens), origin: 'https://evil.example' }), {
      params: Promise.resolve({ provider: 'oidc' }),
    });
    expect(response.status).toBe(403);
  });

  it('an account without a password re-authenticates at its provider (prompt=login, max_age=0): fresh auth_time, same sign-in', async () => {
    const email = uniqueEmail('oidc-reauth');
    const first = tokensFrom(await signInWithOidc(email));
    const before = decodeJwt(first.access);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const cookie = accessCookie(first);
    const started = await start('provider=oidc&reauth=1&next=/account', cookie);
    const p = new URL(started.authorizationUrl).searchParams;
    expect(p.get('prompt')).toBe('login');
    expect(p.get('max_age')).toBe('0');
    const back = await driveOidcProvider(started.authorizationUrl, { login: email, callbackPrefix: CALLBACK });
    const response = await callback(back, `${started.flowCookie}; ${cookie}`);
    expect(outcome(response)).toMatchObject({ path: '/account', signedIn: true });
    const after = decodeJwt(tokensFrom(response).access);
    expect(after.sid).toBe(before.sid);
    expect(after.amr).toEqual(['fed']);
    expect(Number(after.auth_time)).toBeGreaterThan(Number(before.auth_time));
  });

  it('confirming at the provider survives an access cookie that lapsed meanwhile (through the refresh hop), and keeps the second step in amr', async () => {
    const email = uniqueEmail('oidc-reauth-lapsed');
    const userId = decodeJwt(tokensFrom(await signInWithOidc(email)).access).sub!;
    // A sign-in that passed two-step sign-in after the provider.
    const signIn = await startSession(userId, null, { amr: ['fed', 'otp', 'mfa'] });
    const started = await start('provider=oidc&reauth=1&next=/account', accessCookie({ access: signIn.access.token }));
    const back = await driveOidcProvider(started.authorizationUrl, { login: email, callbackPrefix: CALLBACK });

    // Back from the provider with only the refresh cookie (Path=/api/auth): renewed first, the code unused.
    const hopped = await callback(back, `${started.flowCookie}; refresh=${signIn.refresh.token}; signed-in=1`);
    const hop = new URL(hopped.headers.get('location')!);
    expect(hop.pathname).toBe('/api/auth/refresh');
    expect(hop.searchParams.get('next')).toBe(`/api/auth/oidc/callback${back.search}`);
    expect(parseSetCookie(hopped).get('oidc')).toBeUndefined();

    const renewed = await refreshHopRoute(makeRequest(`${hop.pathname}${hop.search}`, 'GET', { origin: null, cookie: `refresh=${signIn.refresh.token}` }), ctx);
    expect(renewed.status).toBe(303);
    const returnTo = new URL(renewed.headers.get('location')!);
    const done = await callbackRoute(
      makeRequest(`${returnTo.pathname}${returnTo.search}`, 'GET', { origin: null, cookie: `${started.flowCookie}; ${accessCookie(tokensFrom(renewed))}` }),
      ctx,
    );
    expect(outcome(done)).toMatchObject({ path: '/account', error: null, signedIn: true, flowCleared: true });
    const after = decodeJwt(tokensFrom(done).access);
    expect(after.sid).toBe(signIn.access.claims.sid);
    expect(after.amr).toEqual(['fed', 'otp', 'mfa']);

    // A hop that cannot renew (the refresh cookie gone, `refresh-failed` left) ends the flow, no loop.
    const again = await start('provider=oidc&reauth=1', accessCookie(tokensFrom(done)));
    const back2 = await driveOidcProvider(again.authorizationUrl, { login: email, callbackPrefix: CALLBACK });
    expect(outcome(await callback(back2, `${again.flowCookie}; refresh=${signIn.refresh.token}; refresh-failed=1`))).toMatchObject({ error: 'session_changed', signedIn: false });
  });

  it('re-authentication as a different provider identity is refused', async () => {
    const first = tokensFrom(await signInWithOidc(uniqueEmail('oidc-reauth-a')));
    const cookie = accessCookie(first);
    const started = await start('provider=oidc&reauth=1', cookie);
    const back = await driveOidcProvider(started.authorizationUrl, { login: uniqueEmail('oidc-reauth-b'), callbackPrefix: CALLBACK });
    expect(outcome(await callback(back, `${started.flowCookie}; ${cookie}`))).toMatchObject({ path: '/account', error: 'reauth_mismatch', signedIn: false });
  });

  it('GitHub cannot serve as re-authentication (no auth_time)', async () => {
    const { tokens } = await passwordUser();
    const response = await startRoute(makeRequest('/api/auth/oidc/start?provider=github&reauth=1', 'GET', { origin: null, cookie: accessCookie(tokens) }), ctx);
    expect(outcome(response)).toMatchObject({ path: '/account', error: 'reauth_unsupported' });
  });
});

describe('sign-in with GitHub (OAuth 2.0 against a local stand-in)', () => {
  it('creates an account on first sign-in and finds it by GitHub’s numeric id afterwards', async () => {
    const email = uniqueEmail('gh-new');
    const login = `octo-${email.split('@')[0]}`;
    const started = await start('provider=github');
    const p = new URL(started.authorizationUrl).searchParams;
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('redirect_uri')).toBe(CALLBACK);
    const back = await driveGithubStandIn(started.authorizationUrl, { login, email, callbackPrefix: CALLBACK });
    const first = await callback(back, started.flowCookie);
    expect(outcome(first)).toMatchObject({ path: '/', signedIn: true });
    const user = await (await db()).user.findUniqueOrThrow({ where: { email }, include: { accounts: true } });
    expect(user.accounts).toMatchObject([{ provider: 'github', subject: expect.stringMatching(/^\d+$/) }]);
    const second = await signInWithGithub(login, email);
    expect(decodeJwt(tokensFrom(second).access).sub).toBe(user.id);
  });

  it('an address GitHub has not verified is refused', async () => {
    const email = uniqueEmail('gh-unverified');
    expect(outcome(await signInWithGithub(`octo-u-${email.split('@')[0]}`, email, false))).toMatchObject({ error: 'email_unverified', signedIn: false });
  });

  it('Cancel at GitHub ends on /login with a message', async () => {
    const started = await start('provider=github');
    const back = await driveGithubStandIn(started.authorizationUrl, { login: 'x', cancel: true, callbackPrefix: CALLBACK });
    expect(outcome(await callback(back, started.flowCookie))).toMatchObject({ error: 'denied', signedIn: false });
  });

  it('a GitHub code is single use', async () => {
    const email = uniqueEmail('gh-replay');
    const started = await start('provider=github');
    const back = await driveGithubStandIn(started.authorizationUrl, { login: `octo-r-${email.split('@')[0]}`, email, callbackPrefix: CALLBACK });
    expect(outcome(await callback(back, started.flowCookie))).toMatchObject({ signedIn: true });
    expect(outcome(await callback(back, started.flowCookie))).toMatchObject({ error: 'expired_code', signedIn: false });
  });
});
