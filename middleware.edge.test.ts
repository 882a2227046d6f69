// The middleware itself, run under the Edge runtime: where it sends people, the headers it adds,
// and CORS preflights. API requests other than preflights skip it (config.matcher); what a route
// answers on its own, CORS included, is lib/auth/guards/route-cors.int.test.ts. (The DAL's own
// checks are tested separately: the middleware is only the first filter.)
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { signToken } from '@/lib/auth/tokens';
import { resetKeysForTests } from '@/lib/auth/tokens';
import { uuidv7 } from '@/lib/auth/tokens';
import { resetEnvForTests } from '@/lib/env';
import { middleware } from './middleware';

const APP = 'http://localhost:3000';

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}): NextRequest {
  return new NextRequest(`${APP}${path}`, { method: init.method ?? 'GET', headers: { accept: 'text/html', ...init.headers } });
}

async function accessToken(scope?: string): Promise<string> {
  return (await signToken('access', { sub: 'user-1', sid: uuidv7(), ...(scope ? { scope } : {}) })).token;
}

afterEach(() => {
  delete process.env.CORS_ORIGINS;
  resetEnvForTests();
  resetKeysForTests();
});

describe('protected pages', () => {
  it('send a signed-out visitor to /login with the path to come back to', async () => {
    const response = await middleware(request('/account?tab=1'));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${APP}/login?next=%2Faccount%3Ftab%3D1`);
  });

  it('send a lapsed session (hint cookie, no access cookie) through the refresh hop', async () => {
    const response = await middleware(request('/cart', { headers: { cookie: 'signed-in=1' } }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${APP}/api/auth/refresh?next=%2Fcart`);
  });

  it('hop at most once per navigation: not again right after a failed hop (a hint cookie the app cannot clear)', async () => {
    for (const path of ['/cart', '/products/aurora-mug']) {
      const response = await middleware(request(path, { headers: { cookie: 'signed-in=1; refresh-failed=1' } }));
      expect(response.headers.get('location') ?? '').not.toContain('/api/auth/refresh');
    }
    const publicPage = await middleware(request('/products/aurora-mug', { headers: { cookie: 'signed-in=1; refresh-failed=1' } }));
    expect(publicPage.status).toBe(200);
  });

  it('answer a path with a broken %-escape with 400, never a 500 from deeper down', async () => {
    const page = await middleware(request('/products/%ff'));
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('not valid');
    const api = await middleware(request('/api/products/%e0%a4'));
    expect(api.status).toBe(400);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('invalid_path');
  });

  it('let a valid access cookie through, with no-store and a nonce CSP', async () => {
    const response = await middleware(request('/orders', { headers: { cookie: `access=${await accessToken()}` } }));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-middleware-next')).toBe('1');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('treat spelling tricks as the protected path', async () => {
    for (const path of ['/ACCOUNT', '/account/', '//account', '/%61ccount', '/orders/abc']) {
      const response = await middleware(request(path));
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location'), path).toContain('/login?next=');
    }
  });

  it('refuse a forged or wrong-type token', async () => {
    const refresh = (await signToken('refresh', { sub: 'user-1', sid: uuidv7() })).token;
    for (const token of ['garbage', `${(await accessToken()).slice(0, -3)}abc`, refresh]) {
      const response = await middleware(request('/account', { headers: { cookie: `access=${token}` } }));
      expect(response.status).toBe(303);
    }
  });

  it('never open a page for a Bearer header, even a valid one', async () => {
    const response = await middleware(request('/account', { headers: { authorization: `Bearer ${await accessToken()}` } }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('/login?next=');
  });
});

describe('public pages', () => {
  it('pass through with a fresh CSP nonce each time', async () => {
    const a = await middleware(request('/'));
    const b = await middleware(request('/'));
    expect(a.status).toBe(200);
    expect(a.headers.get('content-security-policy')).not.toBe(b.headers.get('content-security-policy'));
  });

  it('renew a lapsed session on a document navigation only', async () => {
    const navigation = await middleware(request('/products/x', { headers: { cookie: 'signed-in=1', 'sec-fetch-dest': 'document' } }));
    expect(navigation.headers.get('location')).toBe(`${APP}/api/auth/refresh?next=%2Fproducts%2Fx`);
    const prefetch = await middleware(request('/products/x', { headers: { cookie: 'signed-in=1', rsc: '1', 'next-router-prefetch': '1' } }));
    expect(prefetch.headers.get('location')).toBeNull();
  });
});

describe('pages that depend on the guest cart cookie', () => {
  it('are private, no-store: /cart always, any page when a cart cookie is sent, and public pages without one are not', async () => {
    expect((await middleware(request('/cart'))).headers.get('cache-control')).toBe('private, no-store');
    expect((await middleware(request('/', { headers: { cookie: 'cart=AAAAAAAAAAAAAAAAAAAAAA' } }))).headers.get('cache-control')).toBe('private, no-store');
    expect((await middleware(request('/'))).headers.get('cache-control')).toBeNull();
  });
});

describe('CORS', () => {
  const allow = (origins: string) => {
    process.env.CORS_ORIGINS = origins;
    resetEnvForTests();
  };

  it('answers a preflight from a listed origin, without credentials', async () => {
    allow('https://app.example.com, https://other.example.com');
    const response = await middleware(
      request('/api/cart/items', {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('never echoes an unlisted or null origin in a preflight', async () => {
    allow('https://app.example.com');
    for (const origin of ['https://evil.example', 'null', 'https://app.example.com.evil.example']) {
      const preflight = await middleware(request('/api/cart', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET' } }));
      expect(preflight.status).toBe(403);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});
