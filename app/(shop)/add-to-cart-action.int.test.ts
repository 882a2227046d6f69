// The product page's "Add to cart" form for a guest: a refused add (no such product, sold out, more
// than the stock) shows its message and starts no cart: no row, no cookie, no slot of the
// guest-cart limit spent. next/headers answers from the test's request; the guard, the database
// and the cart are real.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addToCartAction } from '@/app/(shop)/actions';
import { db } from '@/lib/db';
import { request } from '@/test/next-headers';
import { createProduct } from '@/test/shop-data';

vi.mock('next/headers', async () => (await import('@/test/next-headers')).nextHeaders);
vi.mock('next/cache', () => ({ refresh: vi.fn() }));

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const guestCarts = async () => (await db()).cart.count({ where: { userId: null } });

beforeEach(() => {
  // A guest with no cart cookie, posting from this app's product page.
  request.headers = new Headers({ host: 'localhost:3000', origin: 'http://localhost:3000' });
  request.cookiesSetHere = {};
});

describe('addToCartAction for a guest', () => {
  it('a refused add shows why and starts no cart', async () => {
    const soldOut = await createProduct({ stock: 0 });
    const few = await createProduct({ stock: 2 });
    const before = await guestCarts();
    const cases: [Record<string, string>, string][] = [
      [{ productId: 'no-such-product', quantity: '1' }, 'not_found'],
      [{ productId: soldOut.id, quantity: '1' }, 'out_of_stock'],
      [{ productId: few.id, quantity: '3' }, 'out_of_stock'],
    ];
    for (const [fields, code] of cases) {
      const state = await addToCartAction({}, form(fields));
      expect(state, JSON.stringify(fields)).toMatchObject({ status: 'error', code });
    }
    expect(await guestCarts()).toBe(before);
    expect(request.cookiesSetHere).toEqual({});
  });
});
