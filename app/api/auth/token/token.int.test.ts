// The OAuth 2.0 token endpoint (RFC 6749) through the real route handler and database: both
// grants, form and JSON bodies, the flat §5.2 errors, no-store, no cookies, and refresh rotation
// with reuse detection, exactly as for the cookie flow.
import { describe, expect, it } from 'vitest';
import { POST as token } from '@/app/api/auth/token/route';
import { API_SCOPES, tokenLifetime } from '@/lib/auth/tokens';
import { db } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { APP, accessCookie, makeRequest, uniqueEmail } from '@/test/auth-requests';
import { api, signedUp, TEST_PASSWORD } from '@/test/auth-routes';
import { advanceClock } from '@/test/clock';

function form(fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(`${APP}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

async function passwordGrant(email: string, password = TEST_PASSWORD) {
  return token(form({ grant_type: 'password', username: email, password }));
}

describe('password grant', () => {
  it('answers RFC 6749 §5.1 JSON with no-store and sets no cookies; the token works as Bearer', async () => {
    const { email, user } = await signedUp();
    const response = await passwordGrant(email);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.getSetCookie()).toEqual([]);
    const body = await response.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: tokenLifetime('access'), scope: API_SCOPES.join(' ') });
    expect(typeof body.access_token).toBe('string');
    expect(typeof body.refresh_token).toBe('string');

    const profile = await api.me({ bearer: body.access_token });
    expect(profile.status).toBe(200);
    expect((await profile.json()).user.id).toBe(user.id);
  });

  it('accepts a JSON body and a differently spelled email', async () => {
    const { email } = await signedUp();
    const response = await token(
      makeRequest('/api/auth/token', 'POST', { origin: null, body: { grant_type: 'password', username: `  ${email.toUpperCase()} `, password: TEST_PASSWORD } }),
    );
    expect(response.status).toBe(200);
  });

  it('answers invalid_grant, identically, for a wrong password and an unknown user', async () => {
    const { email } = await signedUp();
    const wrong = await passwordGrant(email, 'not the password');
    const unknown = await passwordGrant(uniqueEmail('nobody'), 'not the password');
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a).toEqual({ error: 'invalid_grant', error_description: 'The email or password is incorrect.' });
    expect(b).toEqual(a);
  });

  it('throttles repeated failures with 429 and Retry-After', async () => {
    const { email } = await signedUp();
    let last: Response | undefined;
    for (let i = 0; i < 25; i++) last = await passwordGrant(email, `guess-${i}-wrong`);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await last!.json()).error).toBe('slow_down');
  });
});

describe('request errors (RFC 6749 §5.2)', () => {
  it.each([
    ['missing grant_type', form({ username: 'a@b.c', password: 'x' }), 400, 'invalid_request'],
    ['unknown grant_type', form({ grant_type: 'client_credentials' }), 400, 'unsupported_grant_type'],
    ['authorization_code is not offered', form({ grant_type: 'authorization_code', code: 'x' }), 400, 'unsupported_grant_type'],
    ['password grant without password', form({ grant_type: 'password', username: 'a@b.c' }), 400, 'invalid_request'],
    ['refresh grant without token', form({ grant_type: 'refresh_token' }), 400, 'invalid_request'],
    ['unknown scope', form({ grant_type: 'password', username: 'someone@example.com', password: 'x', scope: 'admin' }), 400, 'invalid_scope'],
    [
      'repeated parameter',
      new Request(`${APP}/api/auth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=password&grant_type=refresh_token' }),
      400,
      'invalid_request',
    ],
    ['a JSON array', makeRequest('/api/auth/token', 'POST', { origin: null, raw: '[1,2]' }), 400, 'invalid_request'],
    ['invalid JSON', makeRequest('/api/auth/token', 'POST', { origin: null, raw: '{"grant_type":' }), 400, 'invalid_request'],
    ['text/plain', makeRequest('/api/auth/token', 'POST', { origin: null, raw: 'grant_type=password', contentType: 'text/plain' }), 415, 'invalid_request'],
  ])('%s', async (_name, request, status, code) => {
    const response = await token(request);
    expect(response.status).toBe(status);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body.error).toBe(code);
    expect(typeof body.error_description).toBe('string');
  });

  it('refuses a huge body with 413 and writes nothing', async () => {
    const before = await (await db()).revokedToken.count();
    const response = await token(form({ grant_type: 'refresh_token', refresh_token: 'x'.repeat(100_000) }));
    expect(response.status).toBe(413);
    expect(await (await db()).revokedToken.count()).toBe(before);
  });

  it('stops reading a chunked body (no Content-Length) just past the limit: 413, never the whole body buffered', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
        if (pulled >= 64 * 1024 * 1024) controller.close();
      },
    });
    const request = new Request(`${APP}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(request.headers.get('content-length')).toBeNull();
    const response = await token(request);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
    expect(pulled).toBeLessThan(1024 * 1024);
  });
});

describe('refresh_token grant', () => {
  it('rotates: a new pair, the old refresh token revoked as rotated', async () => {
    const { email } = await signedUp();
    const first = await (await passwordGrant(email)).json();
    const response = await token(form({ grant_type: 'refresh_token', refresh_token: first.refresh_token }));
    expect(response.status).toBe(200);
    const second = await response.json();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);

    const [, payload] = first.refresh_token.split('.');
    const { jti } = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const row = await (await db()).revokedToken.findUnique({ where: { jti } });
    expect(row).toMatchObject({ kind: 'refresh', reason: 'rotated' });
  });

  it('revokes the whole family when a rotated token is replayed after the grace window', async () => {
    process.env.AUTH_REFRESH_GRACE = '0';
    resetEnvForTests();
    const { email } = await signedUp();
    const first = await (await passwordGrant(email)).json();
    const second = await (await token(form({ grant_type: 'refresh_token', refresh_token: first.refresh_token }))).json();
    advanceClock(1);

    const replay = await token(form({ grant_type: 'refresh_token', refresh_token: first.refresh_token }));
    expect(replay.status).toBe(400);
    expect((await replay.json()).error).toBe('invalid_grant');

    // The thief's replay also ended the legitimate holder's newer tokens.
    const newest = await token(form({ grant_type: 'refresh_token', refresh_token: second.refresh_token }));
    expect((await newest.json()).error).toBe('invalid_grant');
    const profile = await api.me({ bearer: second.access_token });
    expect(profile.status).toBe(401);
  });

  it('refuses an access token presented as a refresh token', async () => {
    const { email } = await signedUp();
    const pair = await (await passwordGrant(email)).json();
    const response = await token(form({ grant_type: 'refresh_token', refresh_token: pair.access_token }));
    expect((await response.json()).error).toBe('invalid_grant');
  });
});

describe('the Bearer rule', () => {
  it('authenticates by the Authorization header alone: a good cookie does not rescue a bad header', async () => {
    const { tokens } = await signedUp();
    const cookieOnly = await api.me({ cookie: accessCookie(tokens) });
    expect(cookieOnly.status).toBe(200);
    const both = await api.me({ cookie: accessCookie(tokens), bearer: 'not-a-token' });
    expect(both.status).toBe(401);
    expect(both.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });
});
