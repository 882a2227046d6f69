// Many machines: two `next start` instances of one build behind nginx, one Postgres database.
// Stateless sign-in means any instance can serve any request, revocation is visible everywhere
// at once (it lives in the database), and losing an instance loses nobody's sign-in.
//
// One cluster per worker (e2e/cluster/fixtures.ts); the tests run in order and each leaves both
// instances running and the database reachable for the next.
import type { APIResponse, Page } from '@playwright/test';
import pg from 'pg';
import { runLoad } from '../../bench/cluster-load.ts';
import { expect, test, type ClusterUser } from './fixtures.ts';
import type { Cluster, Instance } from './support/cluster.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

type Product = { id: string; slug: string; name: string };

/** The instance that served a response, from nginx's X-Upstream (the last address tried). */
function upstreamOf(response: APIResponse | { headers(): Record<string, string> }): string {
  const value = response.headers()['x-upstream'] ?? '';
  return value.split(',').at(-1)!.trim();
}

async function signUpInBrowser(page: Page, user: ClusterUser): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Name', { exact: true }).fill(user.name);
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).not.toHaveURL(/\/signup/);
  await page.goto('/account');
  await expect(page.getByTestId('account-email')).toHaveText(user.email);
}

async function products(page: Page): Promise<Product[]> {
  const response = await page.request.get('/api/products');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { products: Product[] }).products;
}

/** POST /api/cart/items through the balancer with the browser's cookies. */
function addToCart(page: Page, cluster: Cluster, productId: string, quantity = 1): Promise<APIResponse> {
  return page.request.post('/api/cart/items', {
    headers: { Origin: cluster.url, 'Content-Type': 'application/json' },
    data: { productId, quantity },
  });
}

async function cookieHeader(page: Page): Promise<string> {
  const cookies = await page.context().cookies();
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

async function statusAt(instance: Instance, path: string, cookie: string): Promise<number> {
  const response = await fetch(`${instance.url}${path}`, { headers: { cookie } });
  return response.status;
}

async function query<T extends pg.QueryResultRow>(cluster: Cluster, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster.directDatabaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

test('through the balancer: sign up, use the cart across many requests, both instances serve', async ({ page, cluster, user }) => {
  const served = new Set<string>();
  page.on('response', (response) => {
    if (response.url().startsWith(cluster.url) && response.headers()['x-upstream']) served.add(upstreamOf(response));
  });
  await signUpInBrowser(page, user);
  const catalogue = await products(page);

  let expected = 0;
  for (let i = 0; i < 12; i++) {
    const product = catalogue[i % 3]!;
    const response = await addToCart(page, cluster, product.id);
    expect(response.status(), await response.text()).toBe(200);
    served.add(upstreamOf(response));
    expected += 1;
    const cart = (await (await page.request.get('/api/cart')).json()) as { items: { quantity: number }[] };
    expect(cart.items.reduce((n, item) => n + item.quantity, 0)).toBe(expected);
  }

  // The cart page, rendered by whichever instance, shows every line.
  for (let i = 0; i < 4; i++) {
    const response = await page.goto('/cart');
    expect(response?.status()).toBe(200);
    for (const product of catalogue.slice(0, 3)) await expect(page.getByText(product.name).first()).toBeVisible();
  }

  expect(served).toEqual(new Set(cluster.instances.map((i) => `127.0.0.1:${i.port}`)));
});

test('sign-out on one instance kills the token on the other at once', async ({ page, cluster, user }) => {
  await signUpInBrowser(page, user);
  const cookie = await cookieHeader(page);
  const [a, b] = cluster.instances;
  expect(await statusAt(a, '/api/me', cookie)).toBe(200);
  expect(await statusAt(b, '/api/me', cookie)).toBe(200);

  // Sign out pinned to instance A (the refresh cookie is path-scoped, so send it explicitly).
  const logout = await fetch(`${a.url}/api/auth/logout`, { method: 'POST', headers: { cookie, Origin: cluster.url } });
  expect(logout.status).toBe(204);

  // The old cookie, replayed to each instance directly, is dead on both, with no delay.
  expect(await statusAt(b, '/api/me', cookie)).toBe(401);
  expect(await statusAt(a, '/api/me', cookie)).toBe(401);
  expect(await statusAt(b, '/api/cart', cookie)).toBe(401);
  // And through the balancer, whichever instance answers.
  for (let i = 0; i < 4; i++) {
    const response = await fetch(`${cluster.url}/api/me`, { headers: { cookie } });
    expect(response.status).toBe(401);
  }
});

test('an instance dies mid-session: the user carries on through the other; restarting both keeps them signed in', async ({
  page,
  cluster,
  user,
}) => {
  await signUpInBrowser(page, user);
  const [product] = await products(page);
  expect((await addToCart(page, cluster, product!.id)).status()).toBe(200);

  const [a, b] = cluster.instances;
  await b.kill('SIGKILL');
  try {
    for (let i = 0; i < 6; i++) {
      const write = await addToCart(page, cluster, product!.id);
      expect(write.status(), await write.text()).toBe(200);
      expect(upstreamOf(write)).toBe(`127.0.0.1:${a.port}`);
      const response = await page.goto('/cart');
      expect(response?.status()).toBe(200);
      await expect(page).toHaveURL(/\/cart$/); // not sent to /login
    }
    const cart = (await (await page.request.get('/api/cart')).json()) as { items: { quantity: number }[] };
    expect(cart.items[0]!.quantity).toBe(7);
  } finally {
    await b.start();
  }

  // Both instances restart (a deploy): the cookie is still good on the new processes.
  await Promise.all([a.restart(), b.restart()]);
  for (let i = 0; i < 4; i++) {
    const response = await page.goto('/account');
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId('account-email')).toHaveText(user.email);
  }
  const cookie = await cookieHeader(page);
  expect(await statusAt(a, '/api/me', cookie)).toBe(200);
  expect(await statusAt(b, '/api/me', cookie)).toBe(200);
});

test('database down: 503 with a clear message, nobody signed out; back without a restart', async ({ page, cluster, user }) => {
  await signUpInBrowser(page, user);
  const cookiesBefore = await page.context().cookies();

  cluster.dbProxy.cut();
  try {
    for (const path of ['/api/health', '/api/me', '/api/cart']) {
      for (let i = 0; i < 2; i++) {
        // twice: both instances
        const response = await page.request.get(path);
        expect(response.status(), `${path}: ${await response.text()}`).toBe(503);
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('service_unavailable');
        expect(body.error.message).toMatch(/temporarily unavailable/i);
        expect(response.headers()['retry-after']).toBeTruthy();
        expect(response.headers()['set-cookie'] ?? '').not.toMatch(/access=;|Max-Age=0/i);
      }
    }
    const write = await page.request.post('/api/cart/items', {
      headers: { Origin: cluster.url, 'Content-Type': 'application/json' },
      data: { productId: 'whatever', quantity: 1 },
    });
    expect(write.status()).toBe(503);

    // A protected page: not a sign-in page, not a redirect, a clear "temporarily unavailable".
    for (let i = 0; i < 2; i++) {
      const response = await page.goto('/account');
      await expect(page).toHaveURL(/\/account$/);
      expect([500, 503], `page status ${response?.status()}`).toContain(response?.status());
      await expect(page.getByText(/temporarily unavailable/i).first()).toBeVisible();
      test.info().annotations.push({ type: 'db-down /account status', description: String(response?.status()) });
    }

    // Nobody was signed out: the browser still holds every cookie it had.
    const names = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).sort();
    expect(names).toEqual(cookiesBefore.map((c) => `${c.name}=${c.value}`).sort());
  } finally {
    cluster.dbProxy.restore();
  }

  // Back without a restart, on both instances.
  await expect
    .poll(async () => (await page.request.get('/api/me')).status(), { timeout: 15_000 })
    .toBe(200);
  const cookie = await cookieHeader(page);
  for (const instance of cluster.instances) {
    expect(await statusAt(instance, '/api/me', cookie)).toBe(200);
    // The health check pings on the pool the client uses, so it sees the same recovery.
    expect(await statusAt(instance, '/api/health', '')).toBe(200);
  }
  const response = await page.goto('/account');
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId('account-email')).toHaveText(user.email);
});

test('a killed instance loses nothing acknowledged (kill -9 right after the writes)', async ({ cluster, user }) => {
  const [a] = cluster.instances;
  const json = { 'Content-Type': 'application/json', Origin: cluster.url };
  try {
    // Everything pinned to instance A.
    const signup = await fetch(`${a.url}/api/auth/signup`, { method: 'POST', headers: json, body: JSON.stringify(user) });
    expect(signup.status).toBe(201);
    const userId = ((await signup.json()) as { user: { id: string } }).user.id;
    const cookie = signup.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .join('; ');
    const catalogue = ((await (await fetch(`${a.url}/api/products`)).json()) as { products: Product[] }).products;
    const post = (path: string, body?: unknown) =>
      fetch(`${a.url}${path}`, { method: 'POST', headers: { ...json, cookie }, body: body ? JSON.stringify(body) : undefined });

    expect((await post('/api/cart/items', { productId: catalogue[0]!.id, quantity: 2 })).status).toBe(200);
    const checkout = await post('/api/checkout');
    expect(checkout.status, await checkout.clone().text()).toBe(201);
    const orderId = ((await checkout.json()) as { order: { id: string } }).order.id;
    expect((await post('/api/cart/items', { productId: catalogue[1]!.id, quantity: 3 })).status).toBe(200);
    expect((await post('/api/auth/logout')).status).toBe(204);

    await a.kill('SIGKILL'); // no graceful shutdown, nothing flushed

    const orders = await query<{ id: string; totalCents: number }>(cluster, 'SELECT id, "totalCents" FROM "Order" WHERE "userId" = $1', [userId]);
    expect(orders.map((o) => o.id)).toEqual([orderId]);
    const orderItems = await query<{ quantity: number }>(cluster, 'SELECT quantity FROM "OrderItem" WHERE "orderId" = $1', [orderId]);
    expect(orderItems.map((i) => i.quantity)).toEqual([2]);
    const cart = await query<{ productId: string; quantity: number }>(cluster, 'SELECT i."productId", i.quantity FROM "CartItem" i JOIN "Cart" c ON c.id = i."cartId" WHERE c."userId" = $1', [userId]);
    expect(cart).toEqual([{ productId: catalogue[1]!.id, quantity: 3 }]);
    const revoked = await query<{ kind: string }>(cluster, 'SELECT kind FROM "RevokedToken" WHERE "userId" = $1', [userId]);
    expect(revoked.length).toBeGreaterThan(0);
    // And the other instance agrees the sign-out happened.
    expect(await statusAt(cluster.instances[1], '/api/me', cookie)).toBe(401);
  } finally {
    await a.start();
  }
});

test('load (quick): mixed workload on one instance and on the pair, zero errors, zero lost writes', async ({ cluster }) => {
  const results = await runLoad({ cluster, durationSeconds: 3, users: 20, connections: 8 });
  for (const result of results) {
    test.info().annotations.push({
      type: `load ${result.scenario}`,
      description: `${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.requests} requests`,
    });
    expect(result.requests, result.scenario).toBeGreaterThan(20);
    expect(result.errors, `${result.scenario}: ${JSON.stringify(result.errorDetail)}`).toBe(0);
    expect(result.acknowledgedWrites, result.scenario).toBeGreaterThan(0);
    expect(result.lostWrites, result.scenario).toBe(0);
  }
  expect(results.map((r) => r.scenario)).toEqual(['one instance', 'pair behind nginx']);
});
