import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkoutSchema } from '@/lib/validation/cart';
import { CART_FINGERPRINT_LENGTH, cartChangedSinceReview, cartFingerprint } from './cart-fingerprint';

const mug = { productId: 'mug', quantity: 2, unitPriceCents: 1800 };
const pin = { productId: 'pin', quantity: 1, unitPriceCents: 900 };

describe('cartFingerprint', () => {
  it('is the documented digest: SHA-256 of the sorted `productId:quantity:unitPriceCents` lines, first 32 hex digits', () => {
    const expected = createHash('sha256').update('mug:2:1800\npin:1:900').digest('hex').slice(0, 32);
    expect(cartFingerprint([pin, mug])).toBe(expected);
    expect(cartFingerprint([mug, pin])).toBe(expected);
    expect(cartFingerprint([])).toBe(createHash('sha256').update('').digest('hex').slice(0, 32));
  });

  it('changes with a quantity, a price, a product, a line added or removed', () => {
    const reviewed = cartFingerprint([mug, pin]);
    for (const changed of [
      [{ ...mug, quantity: 3 }, pin],
      [{ ...mug, unitPriceCents: 1801 }, pin],
      [{ ...mug, productId: 'cup' }, pin],
      [mug, pin, { productId: 'lamp', quantity: 1, unitPriceCents: 100 }],
      [mug],
      // The same numbers on other lines are another cart.
      [{ ...mug, quantity: 1 }, { ...pin, quantity: 2 }],
    ]) {
      expect(cartFingerprint(changed)).not.toBe(reviewed);
    }
  });

  it('ignores what the fingerprint does not cover (names, stock, slugs of the DTO)', () => {
    expect(cartFingerprint([{ ...mug, name: 'Mug', stock: 4 } as typeof mug])).toBe(cartFingerprint([mug]));
  });

  it('is what the checkout schema accepts', () => {
    const fingerprint = cartFingerprint([mug]);
    expect(fingerprint).toMatch(new RegExp(`^[0-9a-f]{${CART_FINGERPRINT_LENGTH}}$`));
    expect(checkoutSchema.safeParse({ cartFingerprint: fingerprint }).success).toBe(true);
    expect(checkoutSchema.safeParse({}).success).toBe(true);
    expect(checkoutSchema.safeParse({ cartFingerprint: fingerprint.toUpperCase() }).success).toBe(false);
    expect(checkoutSchema.safeParse({ cartFingerprint: '' }).success).toBe(false);
    expect(checkoutSchema.safeParse({ cartFingerprint: fingerprint, extra: 1 }).success).toBe(false);
  });

  it('refuses a changed cart with 409 cart_changed and a message that says what to do', () => {
    const error = cartChangedSinceReview();
    expect([error.status, error.code]).toEqual([409, 'cart_changed']);
    expect(error.message).toBe('Your cart changed since you reviewed it: check it and place the order again.');
  });
});
