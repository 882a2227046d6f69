import { describe, expect, it } from 'vitest';
import { isProtectedApi, isProtectedPage, normalisePath, safeNextPath } from './paths';

/** What a browser would do with `Location: <next>` on our origin. */
function landsOn(next: string): string {
  return new URL(next, 'https://shop.example').origin;
}

describe('safeNextPath', () => {
  const hostile = [
    '//x',
    '//evil.example/path',
    '/\\x',
    '/\\evil.example',
    '\\\\evil.example',
    '%2F%2Fx',
    '%2f%2fevil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    '/\u0000/evil.example',
    'https:x',
    'https:evil.example',
    'http://evil',
    'https://evil.example/account',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '/./\\evil.example',
    '/.//evil.example',
    '/..//evil.example',
    'evil.example',
    '',
    ' /account',
  ];
  for (const raw of hostile) {
    it(`replaces ${JSON.stringify(raw)} with /`, () => {
      expect(safeNextPath(raw)).toBe('/');
    });
  }

  it('keeps encoded slashes as a harmless same-origin path, never a host', () => {
    for (const raw of ['/%5Cx', '/%2F%2Fevil.example', '/%5C%5Cevil.example']) {
      const next = safeNextPath(raw);
      expect(landsOn(next)).toBe('https://shop.example');
      expect(next).not.toMatch(/^\/[/\\]/);
    }
  });

  it('keeps normal paths with their query and fragment', () => {
    expect(safeNextPath('/account')).toBe('/account');
    expect(safeNextPath('/orders?page=2&sort=desc')).toBe('/orders?page=2&sort=desc');
    expect(safeNextPath('/products/red-mug?ref=home#reviews')).toBe('/products/red-mug?ref=home#reviews');
    expect(safeNextPath('/')).toBe('/');
  });

  it('uses the given fallback, and refuses non-strings and absurd lengths', () => {
    expect(safeNextPath(null, '/account')).toBe('/account');
    expect(safeNextPath(undefined)).toBe('/');
    expect(safeNextPath('//evil.example', '/account')).toBe('/account');
    expect(safeNextPath('/' + 'a'.repeat(5000))).toBe('/');
  });

  it('never returns anything that leaves the origin (sampled)', () => {
    const pieces = ['/', '\\', '.', '%2F', '%5C', '\t', 'evil.example', ':', '@', '?', '#', 'http', '%09'];
    for (let i = 0; i < 3000; i++) {
      let raw = '';
      const n = 1 + (i % 6);
      for (let j = 0; j < n; j++) raw += pieces[(i * 7 + j * 13 + ((i >> 3) ^ j)) % pieces.length];
      const next = safeNextPath(raw);
      expect(landsOn(next), JSON.stringify(raw)).toBe('https://shop.example');
      expect(next, JSON.stringify(raw)).not.toMatch(/^\/[/\\]|^[^/]/);
    }
  });
});

describe('isProtectedPage', () => {
  it.each(['/account', '/ACCOUNT', '/Account', '//account', '///account', '/account/', '/%61ccount', '/%2Faccount', '/\\account', '/account/settings', '/account.rsc', '/cart', '/checkout', '/orders', '/orders/123', '/ORDERS/abc/'])(
    '%s is protected',
    (path) => {
      expect(isProtectedPage(path)).toBe(true);
    },
  );

  it.each(['/', '/login', '/signup', '/learn', '/products/red-mug', '/accounts', '/accountant', '/cartography', '/api/me'])(
    '%s is public',
    (path) => {
      expect(isProtectedPage(path)).toBe(false);
    },
  );

  it('does not throw on undecodable paths', () => {
    expect(isProtectedPage('/%E0%A4%A')).toBe(false);
    expect(isProtectedPage('/account/%E0%A4%A')).toBe(true);
  });
});

describe('isProtectedApi', () => {
  it('covers user-data routes however they are spelled, and leaves public ones', () => {
    for (const path of ['/api/me', '/API/ME', '//api//me', '/api/cart/items/1', '/api/orders', '/api/checkout']) {
      expect(isProtectedApi(path), path).toBe(true);
    }
    for (const path of ['/api/products', '/api/auth/login', '/api/health', '/api/meh']) {
      expect(isProtectedApi(path), path).toBe(false);
    }
  });

  it('normalisePath folds case, duplicate and trailing slashes', () => {
    expect(normalisePath('//Account//Orders/')).toBe('/account/orders');
    expect(normalisePath('/')).toBe('/');
  });
});
