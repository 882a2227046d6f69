// The cluster load test: a mixed workload against one instance, then against two instances behind
// nginx, on a fresh Postgres database. `npm run load` (e2e/cluster/run-load.ts) starts the cluster
// and runs it; the Playwright cluster spec runs a few seconds of it (runLoad) so it cannot rot.
// This module takes the cluster as an argument and imports nothing from e2e/.
//
// Each connection loops over: GET /, GET /products/<slug>, GET /account, two cart writes
// (POST /api/cart/items with the user's cookie and Origin) and a sign-in (POST /api/auth/login),
// taking the next of the pre-created users on every loop. Afterwards the database is counted:
// every acknowledged cart write (200) must be there ("lost writes" must be 0), and every response
// must be 2xx ("errors": other statuses, socket errors and timeouts, must be 0).
// Logs requests/s and p50/p99 latency per scenario.
import { randomBytes } from 'node:crypto';
import type autocannon from 'autocannon';
import { hash } from 'bcryptjs';
import pg from 'pg';
import { runAutocannon } from './load.ts';

/** What the load test needs of a cluster (e2e/cluster/support/cluster.ts provides it). */
export interface LoadTarget {
  /** nginx in front of the instances. */
  url: string;
  instances: readonly [{ url: string }, ...{ url: string }[]];
  /** The database itself, not through the instances' proxy. */
  directDatabaseUrl: string;
}

export interface LoadOptions {
  cluster: LoadTarget;
  durationSeconds?: number;
  /** Users per scenario (pre-created in the database). */
  users?: number;
  connections?: number;
  log?: (line: string) => void;
}

export interface ScenarioResult {
  scenario: 'one instance' | 'pair behind nginx';
  target: string;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Non-2xx responses, socket errors and timeouts. */
  errors: number;
  errorDetail: Record<string, number>;
  acknowledgedWrites: number;
  /** Acknowledged writes the database does not have. Must be 0. */
  lostWrites: number;
  /** Writes in the database that were never acknowledged (in flight when the run stopped). */
  unacknowledgedApplied: number;
}

interface LoadUser {
  id: string;
  email: string;
  password: string;
  cookie: string;
}

interface Product {
  id: string;
  slug: string;
}

const PASSWORD = 'load-test-password-1';

async function withDb<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Users straight into the database (sign-up is rate limited per address), then signed in. */
async function prepareUsers(cluster: LoadTarget, target: string, count: number, tag: string): Promise<LoadUser[]> {
  const passwordHash = await hash(PASSWORD, 4);
  const users = Array.from({ length: count }, (_, i) => ({
    id: `load_${tag}_${i}`,
    email: `load-${tag}-${i}@example.test`,
    password: PASSWORD,
    cookie: '',
  }));
  await withDb(cluster.directDatabaseUrl, async (client) => {
    for (const user of users) {
      await client.query(
        `INSERT INTO "User" (id, email, name, "passwordHash", "tokensValidAfter", "createdAt")
         VALUES ($1, $2, $3, $4, now() - interval '1 minute', now())`,
        [user.id, user.email, `Load ${user.id}`, passwordHash],
      );
    }
  });
  // Sign each in once for its cookie (a few at a time).
  for (let i = 0; i < users.length; i += 10) {
    await Promise.all(
      users.slice(i, i + 10).map(async (user) => {
        const response = await fetch(`${target}/api/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: user.email, password: user.password }),
        });
        if (response.status !== 200) throw new Error(`sign-in of ${user.email} failed: ${response.status} ${await response.text()}`);
        user.cookie = response.headers
          .getSetCookie()
          .map((c) => c.split(';')[0]!)
          .filter((c) => c.startsWith('access='))
          .join('; ');
      }),
    );
  }
  return users;
}

type Ctx = { user?: LoadUser; product?: Product };

async function runScenario(
  scenario: ScenarioResult['scenario'],
  target: string,
  cluster: LoadTarget,
  products: Product[],
  options: Required<Omit<LoadOptions, 'cluster' | 'log'>> & { log: (line: string) => void },
): Promise<ScenarioResult> {
  const tag = `${scenario === 'one instance' ? 'one' : 'pair'}_${randomBytes(3).toString('hex')}`;
  const users = await prepareUsers(cluster, target, options.users, tag);
  const acked = new Map<string, number>();
  let nextUser = 0;
  let nextProduct = 0;
  const origin = cluster.url;

  const user = (ctx: Ctx) => (ctx.user ??= users[nextUser++ % users.length]!);
  const page = (path: (ctx: Ctx) => string, signedIn = false) => ({
    method: 'GET' as const,
    setupRequest: (req: autocannon.Request, ctx: Ctx) => {
      const u = user(ctx);
      return { ...req, path: path(ctx), headers: { ...req.headers, accept: 'text/html', ...(signedIn ? { cookie: u.cookie } : {}) } };
    },
  });
  const cartWrite = {
    method: 'POST' as const,
    setupRequest: (req: autocannon.Request, ctx: Ctx) => {
      const u = user(ctx);
      ctx.product = products[nextProduct++ % products.length]!;
      return {
        ...req,
        path: '/api/cart/items',
        headers: { ...req.headers, cookie: u.cookie, origin, 'content-type': 'application/json' },
        body: JSON.stringify({ productId: ctx.product.id, quantity: 1 }),
      };
    },
    onResponse: (status: number, _body: string, ctx: Ctx) => {
      if (status === 200 && ctx.user && ctx.product) {
        const key = `${ctx.user.id}|${ctx.product.id}`;
        acked.set(key, (acked.get(key) ?? 0) + 1);
      }
    },
  };
  const signIn = {
    method: 'POST' as const,
    setupRequest: (req: autocannon.Request, ctx: Ctx) => {
      const u = user(ctx);
      return {
        ...req,
        path: '/api/auth/login',
        headers: { ...req.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ email: u.email, password: u.password }),
      };
    },
  };

  // Warm up (first renders load code and fill caches): not measured, not counted.
  const warm = users[0]!;
  for (const path of ['/', `/products/${products[0]!.slug}`, '/account']) {
    await fetch(`${target}${path}`, { headers: { cookie: warm.cookie, accept: 'text/html' } }).then((r) => r.arrayBuffer());
  }
  await fetch(`${target}/api/cart`, { headers: { cookie: warm.cookie } }).then((r) => r.arrayBuffer());

  const figures = await runAutocannon(target, {
    connections: options.connections,
    seconds: options.durationSeconds,
    timeoutSeconds: 20,
    requests: [
      page(() => '/'),
      page(() => `/products/${products[nextProduct % products.length]!.slug}`),
      page(() => '/account', true),
      cartWrite,
      cartWrite,
      signIn,
    ] as autocannon.Request[],
  });
  const errorDetail: Record<string, number> = {};
  for (const [code, count] of Object.entries(figures.non2xxByStatus)) errorDetail[`HTTP ${code}`] = count;
  if (figures.socketErrors) errorDetail.socketErrors = figures.socketErrors;
  if (figures.timeouts) errorDetail.timeouts = figures.timeouts;
  const errors = Object.values(errorDetail).reduce((a, b) => a + b, 0);

  // Let anything still in flight settle, then count what the database holds.
  await new Promise((r) => setTimeout(r, 500));
  const rows = await withDb(cluster.directDatabaseUrl, (client) =>
    client.query<{ userId: string; productId: string; quantity: number }>(
      'SELECT c."userId", i."productId", i.quantity FROM "CartItem" i JOIN "Cart" c ON c.id = i."cartId" WHERE c."userId" = ANY($1)',
      [users.map((u) => u.id)],
    ),
  );
  const stored = new Map(rows.rows.map((r) => [`${r.userId}|${r.productId}`, r.quantity]));
  let lostWrites = 0;
  let unacknowledgedApplied = 0;
  let acknowledgedWrites = 0;
  for (const key of new Set([...acked.keys(), ...stored.keys()])) {
    const a = acked.get(key) ?? 0;
    const s = stored.get(key) ?? 0;
    acknowledgedWrites += a;
    if (s < a) lostWrites += a - s;
    else unacknowledgedApplied += s - a;
  }

  const summary: ScenarioResult = {
    scenario,
    target,
    requests: figures.requests,
    requestsPerSecond: figures.requestsPerSec,
    p50: figures.p50,
    p99: figures.p99,
    errors,
    errorDetail,
    acknowledgedWrites,
    lostWrites,
    unacknowledgedApplied,
  };
  options.log(
    `${scenario.padEnd(18)} ${summary.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${String(summary.p50).padStart(4)} ms  ` +
      `p99 ${String(summary.p99).padStart(5)} ms  ${summary.requests} requests, ${errors} errors, ` +
      `${acknowledgedWrites} acknowledged writes, ${lostWrites} lost, ${unacknowledgedApplied} in flight at the end`,
  );
  return summary;
}

/** Runs both scenarios against a running cluster: instance 0 alone, then nginx. */
export async function runLoad(options: LoadOptions): Promise<ScenarioResult[]> {
  const { cluster } = options;
  const settings = {
    durationSeconds: options.durationSeconds ?? 20,
    users: options.users ?? 50,
    connections: options.connections ?? 16,
    log: options.log ?? ((line: string) => console.log(`[load] ${line}`)),
  };
  // Stock is not what this measures: make sure no write is refused for it.
  const products = await withDb(cluster.directDatabaseUrl, async (client) => {
    await client.query('UPDATE "Product" SET stock = 1000000');
    return (await client.query<Product>('SELECT id, slug FROM "Product" ORDER BY slug')).rows;
  });
  if (!products.length) throw new Error('no products: is the database seeded?');
  return [
    await runScenario('one instance', cluster.instances[0].url, cluster, products, settings),
    await runScenario('pair behind nginx', cluster.url, cluster, products, settings),
  ];
}
