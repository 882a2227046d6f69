import { describe, expect, it } from 'vitest';
import { addCartItemSchema, quantityFromForm, setCartItemSchema } from './cart';

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('cart schemas', () => {
  it('defaults the quantity of an add to 1', () => {
    expect(addCartItemSchema.parse({ productId: 'p1' })).toEqual({ productId: 'p1', quantity: 1 });
  });

  it.each([0, -1, 100, 1.5, '2', null, Number.NaN])('refuses quantity %s on add, naming the field', (quantity) => {
    const result = addCartItemSchema.safeParse({ productId: 'p1', quantity });
    expect(result.success).toBe(false);
    expect(fieldsOf(result)).toEqual(['quantity']);
  });

  it('needs a productId', () => {
    expect(fieldsOf(addCartItemSchema.safeParse({ quantity: 1 }))).toEqual(['productId']);
    expect(fieldsOf(addCartItemSchema.safeParse({ productId: '  ', quantity: 1 }))).toEqual(['productId']);
  });

  it('refuses unknown keys', () => {
    expect(addCartItemSchema.safeParse({ productId: 'p', quantity: 1, priceCents: 1 }).success).toBe(false);
  });

  it('allows 0 (remove) to 99 when setting', () => {
    expect(setCartItemSchema.parse({ quantity: 0 })).toEqual({ quantity: 0 });
    expect(setCartItemSchema.parse({ quantity: 99 })).toEqual({ quantity: 99 });
    expect(fieldsOf(setCartItemSchema.safeParse({ quantity: 100 }))).toEqual(['quantity']);
    expect(fieldsOf(setCartItemSchema.safeParse({}))).toEqual(['quantity']);
  });

  it('reads form quantities', () => {
    expect(quantityFromForm('3')).toBe(3);
    expect(quantityFromForm(' ')).toBeUndefined();
    expect(quantityFromForm(null)).toBeUndefined();
    expect(quantityFromForm('abc')).toBeNaN();
  });
});
