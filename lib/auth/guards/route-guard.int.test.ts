// The route-handler guard, rule by rule, on a handler declared here (so each rule is seen alone):
// what a cross-site page, a script with a token, a guest and a stale sign-in each get. Tokens,
// keys and the database are real; the requests are built as a browser or a script sends them.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '@/lib/auth/api-tokens';
import { startSession } from '@/lib/auth/sign-ins';
import { signToken, uuidv7 } from '@/lib/auth/tokens';
import { json } from '@/lib/http';
import { makeRequest, type CallOptions } from '@/test/auth-requests';
import { createUser } from '@/test/shop-data';
import { handler } from './route';
import type { GuardOptions } from './options';

let userId: string;
let signIn: string;
let stale: string;
let cartReader: string;

beforeAll(async () => {
  userId = (await createUser('guard')).id;
  signIn = (await startSession(userId)).access.token;
  // A live token of a sign-in made an hour ago: good for reading, too old for a sensitive change.
  const hourAgo = Math.floor(Date.now() / 1000) - 3600;
  stale = (await signToken('access', { sub: userId, sid: uuidv7(), auth_time: hourAgo, amr: ['pwd'] })).token;
  cartReader = (await createApiToken({ userId, name: 'reader', scopes: ['cart:read'], ttlDays: 1 })).token;
});

/** A handler that answers 200 with whom it was called for. */
function echo<A extends 'none' | 'optional' | 'required'>(options: GuardOptions<A>) {
  return handler(options, async (request, { session, facts }) => json({ user: session?.user.id ?? null, via: session?.via ?? null, secure: facts.secure, method: request.method }));
}

async function call(guarded: ReturnType<typeof echo>, method: string, options: CallOptions) {
  const response = await guarded(makeRequest('/api/guarded', method, options));
  const body = (await response.json()) as { user?: string | null; via?: string | null; error?: { code: string; message: string } };
  const { secure } = body as { secure?: boolean };
  return { status: response.status, code: body.error?.code, message: body.error?.message, challenge: response.headers.get('www-authenticate'), user: body.user, via: body.via, secure };
}

const foreign = 'https://evil.example';

describe('the Origin rule of a route handler', () => {
  it('by default refuses a cookie write from a foreign page or with no Origin, and allows our own', async () => {
    const guarded = echo({ auth: 'required' });
    expect(await call(guarded, 'POST', { cookie: `access=${signIn}`, origin: foreign })).toMatchObject({ status: 403, code: 'forbidden_origin' });
    expect(await call(guarded, 'POST', { cookie: `access=${signIn}`, origin: null })).toMatchObject({ status: 403, code: 'forbidden_origin' });
    expect(await call(guarded, 'DELETE', { cookie: `access=${signIn}`, origin: foreign })).toMatchObject({ status: 403 });
    // Served over http:// (APP_URL in the tests): the handler is told so, for its cookies.
    expect(await call(guarded, 'POST', { cookie: `access=${signIn}` })).toMatchObject({ status: 200, user: userId, via: 'cookie', secure: false });
  });

  it('by default lets a Bearer write through from anywhere (no ambient credential to forge)', async () => {
    expect(await call(echo({ auth: 'required' }), 'POST', { bearer: signIn, origin: foreign })).toMatchObject({ status: 200, user: userId, via: 'bearer' });
    // Even where nobody is looked up: the header, not a session, is what exempts it.
    expect(await call(echo({ auth: 'none' }), 'POST', { bearer: 'anything', origin: foreign })).toMatchObject({ status: 200, user: null });
    expect(await call(echo({ auth: 'none' }), 'POST', { origin: foreign })).toMatchObject({ status: 403, code: 'forbidden_origin' });
    expect(await call(echo({ auth: 'none' }), 'POST', { cookie: `access=${signIn}`, origin: null })).toMatchObject({ status: 403 });
  });

  it('never checks a read', async () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      const response = await echo({ auth: 'required' })(makeRequest('/api/guarded', method, { cookie: `access=${signIn}`, origin: foreign }));
      expect(response.status, method).toBe(200);
    }
  });

  it("'always' refuses a foreign or missing Origin whatever authenticates the request", async () => {
    const guarded = echo({ auth: 'none', origin: 'always' });
    expect(await call(guarded, 'POST', { bearer: signIn, origin: foreign })).toMatchObject({ status: 403, code: 'forbidden_origin' });
    expect(await call(guarded, 'POST', { origin: null })).toMatchObject({ status: 403 });
    expect(await call(guarded, 'POST', {})).toMatchObject({ status: 200 });
  });

  it("'login' refuses a foreign Origin (login CSRF) and allows a missing one (scripts)", async () => {
    const guarded = echo({ auth: 'none', origin: 'login' });
    expect(await call(guarded, 'POST', { origin: foreign })).toMatchObject({ status: 403, code: 'forbidden_origin' });
    expect(await call(guarded, 'POST', { bearer: signIn, origin: foreign })).toMatchObject({ status: 403 });
    expect(await call(guarded, 'POST', { origin: null })).toMatchObject({ status: 200 });
    expect(await call(guarded, 'POST', {})).toMatchObject({ status: 200 });
  });

  it('false checks nothing', async () => {
    expect(await call(echo({ auth: 'required', origin: false }), 'POST', { cookie: `access=${signIn}`, origin: foreign })).toMatchObject({ status: 200, user: userId });
  });
});

describe('the session rule of a route handler', () => {
  it("'required' answers 401 without a good credential, and hands the handler the user", async () => {
    const guarded = echo({ auth: 'required' });
    expect(await call(guarded, 'GET', {})).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(await call(guarded, 'GET', { cookie: 'access=not-a-token' })).toMatchObject({ status: 401 });
    expect(await call(guarded, 'GET', { cookie: `access=${signIn}` })).toMatchObject({ status: 200, user: userId });
  });

  it("'optional' is a guest without a credential, 401 with a bad one, the user with a good one", async () => {
    const guarded = echo({ auth: 'optional' });
    expect(await call(guarded, 'GET', {})).toMatchObject({ status: 200, user: null });
    expect(await call(guarded, 'GET', { cookie: 'access=not-a-token' })).toMatchObject({ status: 401 });
    expect(await call(guarded, 'GET', { bearer: signIn })).toMatchObject({ status: 200, user: userId, via: 'bearer' });
  });

  it("'none' looks nobody up, even with a good credential", async () => {
    expect(await call(echo({ auth: 'none' }), 'GET', { cookie: `access=${signIn}` })).toMatchObject({ status: 200, user: null });
  });

  it('passes an API token only where the handler names a scope the token has', async () => {
    expect(await call(echo({ auth: 'required', scope: 'cart:read' }), 'GET', { bearer: cartReader })).toMatchObject({ status: 200, user: userId });
    expect(await call(echo({ auth: 'optional', scope: 'cart:read' }), 'GET', { bearer: cartReader })).toMatchObject({ status: 200, user: userId });
    expect(await call(echo({ auth: 'required', scope: 'cart:write' }), 'POST', { bearer: cartReader })).toMatchObject({ status: 403, code: 'insufficient_scope' });
    expect(await call(echo({ auth: 'optional', scope: 'cart:write' }), 'POST', { bearer: cartReader })).toMatchObject({ status: 403, code: 'insufficient_scope' });
    // The answer tells the program what it lacks: the scope it needs, or that no token will do.
    expect(await call(echo({ auth: 'required', scope: 'cart:write' }), 'POST', { bearer: cartReader })).toMatchObject({
      message: 'This token lacks the cart:write scope.',
      challenge: 'Bearer error="insufficient_scope", scope="cart:write"',
    });
    expect(await call(echo({ auth: 'required' }), 'GET', { bearer: cartReader })).toMatchObject({
      status: 403,
      code: 'insufficient_scope',
      message: 'API tokens cannot be used here; sign in instead.',
      challenge: 'Bearer error="insufficient_scope"',
    });
  });

  it("'fresh' wants a recent sign-in: a stale one gets 403 reauth_required", async () => {
    const guarded = echo({ auth: 'required', fresh: true });
    expect(await call(guarded, 'POST', { cookie: `access=${stale}` })).toMatchObject({ status: 403, code: 'reauth_required' });
    expect(await call(guarded, 'POST', { bearer: stale })).toMatchObject({ status: 403, code: 'reauth_required' });
    expect(await call(guarded, 'POST', { cookie: `access=${signIn}` })).toMatchObject({ status: 200, user: userId });
    // The positive control for the stale token: without `fresh` it is a good sign-in.
    expect(await call(echo({ auth: 'required' }), 'POST', { cookie: `access=${stale}` })).toMatchObject({ status: 200, user: userId });
  });
});
