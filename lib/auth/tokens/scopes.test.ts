// A scope is a whole word: `cart:read` is not `cart:write`, and a sign-in without a scope is the
// user themself. Every pair of known scopes is checked both ways, so no prefix or substring rule
// (same resource, same action, one contains the other) can pass.
import { describe, expect, it } from 'vitest';
import { API_SCOPES, SCOPE_DESCRIPTIONS, hasScope, isApiScope, normaliseScope } from './scopes';

describe('hasScope', () => {
  it('grants exactly the scopes a token names, for every pair of known scopes', () => {
    for (const held of API_SCOPES) {
      for (const needed of API_SCOPES) {
        expect(hasScope({ scope: held }, needed), `${held} → ${needed}`).toBe(held === needed);
      }
    }
  });

  it('reads a space-separated list, in any order', () => {
    expect(hasScope({ scope: 'orders:read cart:write' }, 'cart:write')).toBe(true);
    expect(hasScope({ scope: 'orders:read cart:write' }, 'orders:read')).toBe(true);
    expect(hasScope({ scope: 'orders:read cart:write' }, 'cart:read')).toBe(false);
    expect(hasScope({ scope: 'orders:read cart:write' }, 'profile:read')).toBe(false);
  });

  it('grants nothing to an empty scope, or to a word that only contains a scope', () => {
    expect(hasScope({ scope: '' }, 'cart:read')).toBe(false);
    expect(hasScope({ scope: 'cart:read:all' }, 'cart:read')).toBe(false);
    expect(hasScope({ scope: 'cart:' }, 'cart:read')).toBe(false);
    expect(hasScope({ scope: 'cart' }, 'cart:write')).toBe(false);
    expect(hasScope({ scope: 'cart:*' }, 'cart:write')).toBe(false);
  });

  it('grants everything to a sign-in that was never narrowed (no scope claim)', () => {
    for (const needed of API_SCOPES) expect(hasScope({}, needed)).toBe(true);
  });
});

describe('normaliseScope', () => {
  it('keeps known scopes only, once each, sorted; null when nothing known is left', () => {
    expect(normaliseScope('orders:read  cart:read orders:read')).toBe('cart:read orders:read');
    expect(normaliseScope('cart:write admin cart:*')).toBe('cart:write');
    expect(normaliseScope('admin root')).toBeNull();
    expect(normaliseScope('')).toBeNull();
  });

  it('knows the four scopes and nothing near them', () => {
    expect(API_SCOPES.filter(isApiScope)).toEqual(['profile:read', 'cart:read', 'cart:write', 'orders:read']);
    for (const near of ['cart', 'cart:', 'Cart:read', 'cart:read ', 'orders:write']) expect(isApiScope(near), near).toBe(false);
  });
});

describe('SCOPE_DESCRIPTIONS', () => {
  it('tells the owner in words what each scope allows, a different sentence for each', () => {
    expect(Object.keys(SCOPE_DESCRIPTIONS).sort()).toEqual([...API_SCOPES].sort());
    const sentences = API_SCOPES.map((scope) => SCOPE_DESCRIPTIONS[scope]);
    for (const sentence of sentences) expect(sentence).toMatch(/^[A-Z].{8,}/);
    expect(new Set(sentences).size).toBe(API_SCOPES.length);
    expect(SCOPE_DESCRIPTIONS['cart:write']).toMatch(/check out/);
  });
});
