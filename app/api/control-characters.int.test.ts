// Control characters in input, through the route handlers and the real database. Postgres refuses a
// NUL (U+0000) in any text value (SQLSTATE 22021) and a date out of its range; SQLite takes both.
// So on both databases: every id, slug, category, name and label holding one is answered like any
// other bad or unknown value (400, or 404 where an unknown id is 404), never a 500, and nothing
// changes; a search word simply loses it. Likewise a crafted activity cursor (an extreme date).
import { describe, expect, it } from 'vitest';
import { GET as activityRoute } from '@/app/api/account/activity/route';
import { GET as listTokensRoute } from '@/app/api/account/tokens/route';
import { DELETE as revokeTokenRoute } from '@/app/api/account/tokens/[id]/route';
import { GET as getCartRoute } from '@/app/api/cart/route';
import { DELETE as removeItem, PATCH as setItem } from '@/app/api/cart/items/[productId]/route';
import { POST as addItem } from '@/app/api/cart/items/route';
import { GET as getOrderRoute } from '@/app/api/orders/[id]/route';
import { GET as getProductRoute } from '@/app/api/products/[slug]/route';
import { GET as listProductsRoute } from '@/app/api/products/route';
import { issueTokenPair } from '@/lib/auth/sign-ins';
import { uuidv7 } from '@/lib/auth/tokens';
import { db } from '@/lib/db';
import { accessCookie, errorBody, makeRequest, uniqueEmail, type CallOptions } from '@/test/auth-requests';
import { api, route, signedUp, TEST_PASSWORD } from '@/test/auth-routes';
import { createProduct, createUser } from '@/test/shop-data';

const none = {} as never;
const params = <T,>(value: T) => ({ params: Promise.resolve(value) }) as never;

/** The hostile spellings: a bare NUL, one after a real-looking value, and the other C0 characters. */
const NUL = '\u0000';
const CONTROL_VALUES = [NUL, `aurora-mug${NUL}`, `${NUL}x`, 'a\u0001b', 'line\nbreak', 'tab\there', 'esc\u001b', 'del\u007f'];

async function shopper() {
  const user = await createUser('ctl');
  const { access } = await issueTokenPair(user.id, uuidv7());
  return { user, bearer: { bearer: access.token, origin: null } satisfies CallOptions };
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = await errorBody(response);
  expect(body.error.code).toBe(code);
  expect(JSON.stringify(body)).not.toMatch(/prisma|sqlstate|UTF8|0x00|at \w+ \(/i);
  return body;
}

const products = (query: string) => listProductsRoute(makeRequest(`/api/products?${query}`, 'GET', { origin: null }), none);
const cartOf = async (auth: CallOptions) => (await getCartRoute(makeRequest('/api/cart', 'GET', auth), none)).json();

describe('GET /api/products with control characters', () => {
  it('drops them from the search words (?q=%00 is the whole catalogue; mug%00 finds what mug finds)', async () => {
    const all = (await (await products('')).json()) as { total: number };
    const nul = await products('q=%00');
    expect(nul.status).toBe(200);
    expect(((await nul.json()) as { total: number }).total).toBe(all.total);
    const mug = (await (await products('q=mug')).json()) as { total: number };
    expect(mug.total).toBeGreaterThan(0);
    for (const q of ['mug%00', '%00mug', 'mug%01', 'mug%0A']) {
      const response = await products(`q=${q}`);
      expect(response.status, q).toBe(200);
      expect(((await response.json()) as { total: number }).total, q).toBe(mug.total);
    }
  });

  it('refuses a category holding one: 400 like any unknown category, never 500', async () => {
    for (const category of ['%00', 'kitchen%00', '%1F', '%7F']) {
      const body = await expectError(await products(`category=${category}`), 400, 'invalid_request');
      expect(body.error.fields?.category).toEqual(['Unknown category.']);
    }
  });
});

describe('ids and slugs in paths holding control characters', () => {
  it('GET /api/products/:slug is 404, like an unknown product', async () => {
    for (const slug of CONTROL_VALUES) {
      await expectError(await getProductRoute(makeRequest(`/api/products/${encodeURIComponent(slug)}`, 'GET'), params({ slug })), 404, 'not_found');
    }
  });

  it('GET /api/orders/:id is 404, like another user’s order', async () => {
    const { bearer } = await shopper();
    for (const id of CONTROL_VALUES) {
      await expectError(await getOrderRoute(makeRequest(`/api/orders/${encodeURIComponent(id)}`, 'GET', bearer), params({ id })), 404, 'not_found');
    }
  });

  it('PATCH and DELETE /api/cart/items/:productId are 404, and the cart is unchanged', async () => {
    const { bearer } = await shopper();
    const product = await createProduct();
    expect((await addItem(makeRequest('/api/cart/items', 'POST', { ...bearer, body: { productId: product.id, quantity: 2 } }), none)).status).toBe(200);
    const before = await cartOf(bearer);
    for (const productId of [NUL, `${product.id}${NUL}`, `${product.id}\u0002`]) {
      const path = `/api/cart/items/${encodeURIComponent(productId)}`;
      await expectError(await setItem(makeRequest(path, 'PATCH', { ...bearer, body: { quantity: 5 } }), params({ productId })), 404, 'not_found');
      await expectError(await removeItem(makeRequest(path, 'DELETE', bearer), params({ productId })), 404, 'not_found');
    }
    expect(await cartOf(bearer)).toEqual(before);
  });

  it('DELETE /api/account/tokens/:id is 404, and no token is revoked', async () => {
    const { tokens } = await signedUp();
    const cookie = accessCookie(tokens);
    const created = await api.createToken({ cookie, body: { name: 'kept', scopes: ['orders:read'], expiresInDays: 7 } });
    const { apiToken } = (await created.json()) as { apiToken: { id: string } };
    for (const id of [NUL, `${apiToken.id}${NUL}`, `${apiToken.id}\u001f`]) {
      const response = await revokeTokenRoute(makeRequest(`/api/account/tokens/${encodeURIComponent(id)}`, 'DELETE', { cookie }), params({ id }));
      await expectError(response, 404, 'not_found');
    }
    const listed = (await (await route(listTokensRoute, '/api/account/tokens', 'GET')({ cookie })).json()) as { tokens: { id: string; revokedAt: string | null }[] };
    expect(listed.tokens.find((t) => t.id === apiToken.id)?.revokedAt).toBeNull();
  });
});

describe('bodies holding control characters', () => {
  it('POST /api/cart/items with one in productId is 400, and the cart is unchanged (no guest cart started)', async () => {
    const { bearer } = await shopper();
    const product = await createProduct();
    expect((await addItem(makeRequest('/api/cart/items', 'POST', { ...bearer, body: { productId: product.id } }), none)).status).toBe(200);
    const before = await cartOf(bearer);
    for (const productId of [NUL, `${product.id}${NUL}`, `${NUL}${product.id}`, `${product.id}\u0007`]) {
      const body = await expectError(await addItem(makeRequest('/api/cart/items', 'POST', { ...bearer, body: { productId } }), none), 400, 'invalid_request');
      expect(body.error.fields?.productId).toEqual(['Unknown product.']);
      const guest = await addItem(makeRequest('/api/cart/items', 'POST', { body: { productId } }), none);
      await expectError(guest, 400, 'invalid_request');
      expect(guest.headers.getSetCookie()).toEqual([]);
    }
    expect(await cartOf(bearer)).toEqual(before);
  });

  it('POST /api/auth/signup with one in the name is 400, and no account is created', async () => {
    for (const name of [NUL, `Ann${NUL}`, 'Ann\nLee', 'Ann\tLee', 'Ann\u001b[31m']) {
      const email = uniqueEmail('ctl');
      const body = await expectError(await api.signup({ body: { email, password: TEST_PASSWORD, name } }), 400, 'invalid_request');
      expect(body.error.fields?.name?.[0]).toMatch(/control characters/);
      expect(await (await db()).user.count({ where: { email } })).toBe(0);
    }
    // The positive control: a name with accents, spaces and punctuation is fine.
    expect((await api.signup({ body: { email: uniqueEmail('ctl'), password: TEST_PASSWORD, name: "Zoë O'Brien-Łukasz" } })).status).toBe(201);
  });

  it('POST /api/account/tokens with one in the name is 400, and no token is created', async () => {
    const { user, tokens } = await signedUp();
    const cookie = accessCookie(tokens);
    for (const name of [NUL, `ci${NUL}`, 'ci\nbot']) {
      const body = await expectError(await api.createToken({ cookie, body: { name, scopes: ['orders:read'], expiresInDays: 7 } }), 400, 'invalid_request');
      expect(body.error.fields?.name?.[0]).toMatch(/control characters/);
    }
    expect(await (await db()).apiToken.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe('GET /api/account/activity with a crafted cursor', () => {
  const cursorOf = (text: string) => Buffer.from(text).toString('base64url');
  const activity = (cookie: string, cursor: string) => route(activityRoute, `/api/account/activity?cursor=${encodeURIComponent(cursor)}`, 'GET')({ cookie });

  it('is 400 for a date out of range, a NUL in the id or a cursor the API never wrote; a real cursor still pages', async () => {
    const { user, tokens } = await signedUp();
    const cookie = accessCookie(tokens);
    for (const cursor of [
      cursorOf('-271821-04-20T00:00:00.000Z|x'),
      cursorOf('+275760-09-13T00:00:00.000Z|x'),
      cursorOf('1969-12-31T23:59:59.999Z|x'),
      cursorOf('2024-01-01|x'),
      cursorOf(`2024-01-01T00:00:00.000Z|${NUL}`),
      cursorOf(`2024-01-01T00:00:00.000Z|abc${NUL}`),
      cursorOf('2024-01-01T00:00:00.000Z|a|b'),
      cursorOf('2024-01-01T00:00:00.000Z|'),
      'AA==',
      '%00',
    ]) {
      const body = await expectError(await activity(cookie, cursor), 400, 'invalid_request');
      expect(body.error.fields?.cursor).toEqual(['The cursor is not valid.']);
    }

    // 25 more events: the first page's cursor opens the second page, which holds the rest.
    const prisma = await db();
    const start = Date.now() - 60_000;
    for (let i = 0; i < 25; i++) await prisma.auditEvent.create({ data: { userId: user.id, type: 'sign_in', createdAt: new Date(start + i * 1000) } });
    const total = await prisma.auditEvent.count({ where: { userId: user.id } });
    const first = (await (await route(activityRoute, '/api/account/activity', 'GET')({ cookie })).json()) as { events: unknown[]; nextCursor: string | null };
    expect(first.events).toHaveLength(20);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await activity(cookie, first.nextCursor!);
    expect(second.status).toBe(200);
    expect(((await second.json()) as { events: unknown[] }).events).toHaveLength(total - 20);
  });
});
