// `npm run load`: a mixed workload against one instance, then against two instances behind nginx,
// on a fresh Postgres database (the cluster of e2e/cluster/support/cluster.ts; needs a production
// build: `next build`, or NEXT_DIST_DIR for another dir).
//
//   npm run load                      20 s per scenario
//   npm run load -- --duration 60 --connections 32 --users 50
//
// Each connection loops over: GET /, GET /products/<slug>, GET /account, two cart writes
// (POST /api/cart/items with the user's cookie and Origin) and a sign-in (POST /api/auth/login),
// taking the next of the pre-created users on every loop. Afterwards the database is counted:
// every acknowledged cart write (200) must be there ("lost writes" must be 0), and every response
// must be 2xx ("errors": other statuses, socket errors and timeouts, must be 0).
// Prints requests/s and p50/p99 latency per scenario; exits 1 when a scenario has errors or
// lost writes. The Playwright cluster test runs a few seconds of it (runLoad) so it cannot rot.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { hash } from 'bcryptjs';
import pg from 'pg';
import { startCluster, type Cluster } from '../e2e/cluster/support/cluster.ts';

export interface LoadOptions {
  cluster: Cluster;
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
async function prepareUsers(cluster: Cluster, target: string, count: number, tag: string): Promise<LoadUser[]> {
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
  cluster: Cluster,
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

  const errorDetail: Record<string, number> = {};
  const result = await autocannon({
    url: target,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 20,
    requests: [
      page(() => '/'),
      page(() => `/products/${products[nextProduct % products.length]!.slug}`),
      page(() => '/account', true),
      cartWrite,
      cartWrite,
      signIn,
    ] as autocannon.Request[],
  });
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) {
    if (!/^2/.test(code)) errorDetail[`HTTP ${code}`] = (stats as { count: number }).count;
  }
  if (result.errors) errorDetail.socketErrors = result.errors;
  if (result.timeouts) errorDetail.timeouts = result.timeouts;
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
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '20' },
      users: { type: 'string', default: '50' },
      connections: { type: 'string', default: '16' },
    },
  });
  const durationSeconds = Number(values.duration);
  const users = Number(values.users);
  const connections = Number(values.connections);
  for (const [name, n] of Object.entries({ duration: durationSeconds, users, connections })) {
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number`);
  }
  const cluster = await startCluster();
  let failed = false;
  try {
    console.log(`[load] ${durationSeconds} s per scenario, ${connections} connections, ${users} users per scenario`);
    const results = await runLoad({ cluster, durationSeconds, users, connections });
    console.log('\nscenario             req/s    p50 ms   p99 ms   requests   errors   lost writes');
    for (const r of results) {
      console.log(
        `${r.scenario.padEnd(20)} ${r.requestsPerSecond.toFixed(0).padStart(6)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ` +
          `${String(r.requests).padStart(10)} ${String(r.errors).padStart(8)} ${String(r.lostWrites).padStart(13)}`,
      );
      if (r.errors || r.lostWrites) {
        failed = true;
        console.error(`[load] ${r.scenario}: ${JSON.stringify(r.errorDetail)}; lost writes ${r.lostWrites}`);
      }
    }
  } finally {
    await cluster.stop();
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
