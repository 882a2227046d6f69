import { describe, expect, it } from 'vitest';
import { loginReason } from './reasons';

describe('why the sign-in page is showing', () => {
  it('says what the visitor was doing', () => {
    expect(loginReason(undefined, '/products/aurora-mug?add=1&quantity=2')).toMatch(/^Sign in to add this to your cart/);
    expect(loginReason(undefined, '/products/aurora-mug')).toBeUndefined();
    expect(loginReason(undefined, '/checkout')).toBe('Sign in to check out. Your cart is kept.');
    expect(loginReason(undefined, '/orders/abc')).toBe('Sign in to see your orders.');
    expect(loginReason(undefined, '/')).toBeUndefined();
  });
  it('prefers an explicit reason, and ignores unknown ones', () => {
    expect(loginReason('revoked', '/account')).toMatch(/^You were signed out/);
    expect(loginReason('expired', '/cart')).toMatch(/expired/);
    expect(loginReason('nonsense', '/cart')).toBe('Sign in to see your cart.');
  });
});
