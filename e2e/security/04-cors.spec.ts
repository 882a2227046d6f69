// 4. CORS (OWASP HTML5 / ASVS 5 V3.4): a foreign origin is never echoed back, nothing ever says
// Access-Control-Allow-Credentials: true, and the allowed origins come from CORS_ORIGINS only
// (the main server lists none; the security server lists SECURITY_CORS_ORIGIN).
import { expect, test } from '@playwright/test';
import { SECURITY_CORS_ORIGIN } from '../support/servers.ts';
import { MAIN, SEC, createVictim, type Victim } from './support.ts';

const ROUTES = ['/api/me', '/api/cart', '/api/cart/items', '/api/orders', '/api/checkout', '/api/products', '/api/auth/login', '/api/auth/refresh', '/api/auth/token', '/api/health'];
const HOSTILE_ORIGINS = ['https://evil.example', 'null', `${SECURITY_CORS_ORIGIN}.evil.example`, SECURITY_CORS_ORIGIN.replace('http:', 'https:'), 'http://127.0.0.1:1'];

let victim: Victim;
test.beforeAll(async () => {
  victim = await createVictim(SEC);
});
test.afterAll(async () => victim.api.dispose());

for (const [server, base] of [['main', MAIN], ['security', SEC]] as const) {
  for (const origin of HOSTILE_ORIGINS) {
    test(`4 CORS · ${server} server: ${origin} is never allowed (preflight and actual request), no credentials`, async ({ request }) => {
      for (const path of ROUTES) {
        const preflight = await request.fetch(`${base}${path}`, {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, authorization' },
        });
        expect(preflight.status(), `${path} preflight`).toBeLessThan(500);
        expect(preflight.headers()['access-control-allow-origin'], `${path} preflight`).toBeUndefined();
        expect(preflight.headers()['access-control-allow-credentials']).toBeUndefined();
        const actual = await request.get(`${base}${path}`, { headers: { Origin: origin, Cookie: `access=${victim.access}` } });
        expect(actual.headers()['access-control-allow-origin'], `${path} GET`).toBeUndefined();
        expect(actual.headers()['access-control-allow-credentials']).toBeUndefined();
      }
    });
  }
}

test('4 CORS · the configured origin gets an answer for Bearer use, never with credentials and never *', async ({ request }) => {
  const preflight = await request.fetch(`${SEC}/api/me`, {
    method: 'OPTIONS',
    headers: { Origin: SECURITY_CORS_ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()['access-control-allow-origin']).toBe(SECURITY_CORS_ORIGIN);
  expect(preflight.headers()['access-control-allow-credentials']).toBeUndefined();
  expect(preflight.headers()['vary']).toContain('Origin');
  const actual = await request.get(`${SEC}/api/me`, { headers: { Origin: SECURITY_CORS_ORIGIN, Authorization: `Bearer ${victim.access}` } });
  expect(actual.status()).toBe(200);
  expect(actual.headers()['access-control-allow-origin']).toBe(SECURITY_CORS_ORIGIN);
  expect(actual.headers()['access-control-allow-credentials']).toBeUndefined();
});

test('4 CORS · the main server (no CORS_ORIGINS) does not allow the security server’s origin', async ({ request }) => {
  const response = await request.get(`${MAIN}/api/products`, { headers: { Origin: SECURITY_CORS_ORIGIN } });
  expect(response.headers()['access-control-allow-origin']).toBeUndefined();
});

test('4 CORS · an allowed origin still cannot make a cookie-authenticated write (the Origin check is not CORS)', async ({ request }) => {
  const response = await request.post(`${SEC}/api/auth/logout-all`, { headers: { Origin: SECURITY_CORS_ORIGIN, Cookie: `access=${victim.access}` } });
  expect(response.status()).toBe(403);
  expect((await request.get(`${SEC}/api/me`, { headers: { Authorization: `Bearer ${victim.access}` } })).status()).toBe(200);
});
