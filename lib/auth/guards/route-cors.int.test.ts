// What a JSON route answers on its own, now that the middleware leaves the API to the guards
// (middleware.ts, config.matcher): the 401 and its challenge, and the CORS headers on every
// answer, errors included. (Preflights are still the middleware's: middleware.edge.test.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import { GET as healthRoute } from '@/app/api/health/route';
import { GET as meRoute } from '@/app/api/me/route';
import { GET as ordersRoute } from '@/app/api/orders/route';
import { GET as productsRoute } from '@/app/api/products/route';
import { issueTokenPair } from '@/lib/auth/sign-ins';
import { uuidv7 } from '@/lib/auth/tokens';
import { resetEnvForTests } from '@/lib/env';
import { errorBody, makeRequest } from '@/test/auth-requests';
import { createUser } from '@/test/shop-data';
import { handler } from './route';

const none = {} as never;
const ALLOWED = 'https://app.example.com';

function allow(origins: string) {
  process.env.CORS_ORIGINS = origins;
  resetEnvForTests();
}

afterEach(() => {
  delete process.env.CORS_ORIGINS;
  resetEnvForTests();
});

describe('a protected route without the middleware in front', () => {
  it('answers no credential with 401 and a bare Bearer challenge, a bad one with error="invalid_token"', async () => {
    const missing = await ordersRoute(makeRequest('/api/orders', 'GET', { origin: null }), none);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect((await errorBody(missing)).error.code).toBe('unauthorized');

    for (const auth of [{ bearer: 'not.a.token' }, { cookie: 'access=not.a.token' }]) {
      const bad = await meRoute(makeRequest('/api/me', 'GET', { origin: null, ...auth }), none);
      expect(bad.status).toBe(401);
      expect(bad.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(bad.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('lets a good Bearer token and a good cookie through', async () => {
    const user = await createUser('cors');
    const { access } = await issueTokenPair(user.id, uuidv7());
    expect((await meRoute(makeRequest('/api/me', 'GET', { origin: null, bearer: access.token }), none)).status).toBe(200);
    expect((await meRoute(makeRequest('/api/me', 'GET', { origin: null, cookie: `access=${access.token}` }), none)).status).toBe(200);
  });
});

describe('CORS on actual answers (the guard adds it)', () => {
  it('names a listed origin on successes and errors alike, never with credentials', async () => {
    allow(`${ALLOWED}, https://other.example.com`);
    const user = await createUser('cors');
    const { access } = await issueTokenPair(user.id, uuidv7());
    const answers = [
      await productsRoute(makeRequest('/api/products', 'GET', { origin: ALLOWED }), none),
      await healthRoute(makeRequest('/api/health', 'GET', { origin: ALLOWED }), none),
      await meRoute(makeRequest('/api/me', 'GET', { origin: ALLOWED, bearer: access.token }), none),
      await ordersRoute(makeRequest('/api/orders', 'GET', { origin: ALLOWED }), none),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 401]);
    for (const response of answers) {
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(response.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('vary')).toContain('Origin');
    }
  });

  it('never echoes an unlisted, look-alike or null origin', async () => {
    allow(ALLOWED);
    for (const origin of ['https://evil.example', 'null', `${ALLOWED}.evil.example`, ALLOWED.replace('https:', 'http:')]) {
      for (const response of [
        await productsRoute(makeRequest('/api/products', 'GET', { origin }), none),
        await ordersRoute(makeRequest('/api/orders', 'GET', { origin }), none),
      ]) {
        expect(response.headers.get('access-control-allow-origin'), origin).toBeNull();
        expect(response.headers.get('vary')).toContain('Origin');
      }
    }
  });

  it('allows no origin at all when CORS_ORIGINS is empty', async () => {
    const response = await productsRoute(makeRequest('/api/products', 'GET', { origin: ALLOWED }), none);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS on an answer whose headers cannot be changed', () => {
  it('copies a Response.redirect (immutable headers) and adds the headers to the copy', async () => {
    allow(ALLOWED);
    const redirecting = handler({ auth: 'none' }, async () => Response.redirect('http://localhost:3000/elsewhere', 302));
    const answer = await redirecting(makeRequest('/api/anything', 'GET', { origin: ALLOWED }), none);
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('http://localhost:3000/elsewhere');
    expect(answer.headers.get('access-control-allow-origin')).toBe(ALLOWED);
  });
});
