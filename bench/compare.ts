// Section 5: the app side by side with minimal apps on Better Auth and Auth.js (bench/peers),
// all on the same Next, React and SQLite, each on its own port, measured in interleaved rounds
// (route by route, app by app) so that drift on the shared machine hits every app alike.
//   /api/health (no auth) · /api/me (cookie) · / catalogue (no auth) · /orders (cookie, protected)
// The two signed-in routes run in two scenarios: one user, and `peerUsers` distinct users taken
// round-robin (so no per-token memo or cache can flatter anyone).
// Before measuring, every app must refuse a missing, a tampered and (where it can) a revoked
// credential on both signed-in routes, and accept a good one.
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BENCH_SECRET } from './bench-env';
import type { Counts } from './config';
import { load, type LoadRun } from './load';
import { PEER_APPS, preparePeerApp, type PeerAppName } from './peer-apps';
import { treeRss } from './rss';
import { startNext, type BenchServer } from './server';
import { summarize, type Summary } from './stats';

export type AppKey = 'ours' | PeerAppName;
export type RouteKey = 'health' | 'me' | 'catalogue' | 'page';
export type Scenario = 'one' | 'many';

export interface AppUnderTest {
  key: AppKey;
  label: string;
  server: BenchServer;
  /** Cookie headers of distinct signed-in users (the first is the one-user scenario's). */
  cookies: string[];
  /** Signs a fresh credential out and returns it (null where the design cannot revoke). */
  revoked: () => Promise<string | null>;
}

export interface CredentialChecks {
  missing: boolean;
  tampered: boolean;
  /** null: the app cannot revoke a credential before it expires. */
  revoked: boolean | null;
  valid: boolean;
}

export interface RouteResult {
  requestsPerSec: Summary;
  p50: Summary;
  p99: Summary;
  runs: LoadRun[];
}

export interface CompareSection {
  seconds: number;
  /** Seconds of unrecorded load per route and app before the rounds. */
  warmupSeconds: number;
  connections: number;
  users: number;
  apps: Record<AppKey, {
    label: string;
    checks: CredentialChecks;
    rssIdleMb: number;
    /** One sample at the end of every round, from every app at the same moment (a single sample
     *  moves with whether V8's last full collection came just before it or just after). */
    rssAfterMb: Summary;
    routes: Record<string, RouteResult>;
  }>;
}

export const ROUTES: { key: RouteKey; path: string; signedIn: boolean; label: string }[] = [
  { key: 'health', path: '/api/health', signedIn: false, label: 'GET /api/health' },
  { key: 'me', path: '/api/me', signedIn: true, label: 'GET /api/me' },
  { key: 'catalogue', path: '/', signedIn: false, label: 'GET / (catalogue)' },
  { key: 'page', path: '/orders', signedIn: true, label: 'GET /orders (protected page)' },
];

/** "me:one", "me:many", "health" … the keys of CompareSection's routes. */
export function routeId(route: RouteKey, scenario?: Scenario): string {
  return scenario ? `${route}:${scenario}` : route;
}

/** The peers' database: the app's catalogue and order tables copied from its seeded database. */
function peerDatabase(sourcePath: string, target: string): string {
  copyFileSync(sourcePath, `${target}.src`);
  const db = new Database(target);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(`ATTACH DATABASE '${target}.src' AS src`);
    for (const table of ['Product', 'Order', 'OrderItem']) db.exec(`CREATE TABLE "${table}" AS SELECT * FROM src."${table}"`);
    db.exec('CREATE INDEX "Order_userId_createdAt_idx" ON "Order" ("userId", "createdAt")');
    db.exec('CREATE INDEX "OrderItem_orderId_idx" ON "OrderItem" ("orderId")');
    db.exec('DETACH DATABASE src');
  } finally {
    db.close();
  }
  return target;
}

export async function startPeer(
  name: PeerAppName,
  options: { port: number; seededDbPath: string; tmpDir: string; users: number; log: (line: string) => void },
): Promise<AppUnderTest> {
  const dir = preparePeerApp(name, options.log);
  const dbPath = peerDatabase(options.seededDbPath, join(options.tmpDir, `peer-${name}-${Date.now()}.db`));
  const origin = `http://127.0.0.1:${options.port}`;
  // One user more than measured: the revocation check signs it out.
  const made = execFileSync(process.execPath, ['bench-setup.mjs', dbPath, String(options.users + 1), BENCH_SECRET, origin], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const cookies = (JSON.parse(made) as { cookies: string[] }).cookies;
  const spare = cookies.pop()!;
  const server = await startNext({
    cwd: dir,
    // As its documentation starts it: `next start`, no flags of ours.
    start: { command: join(import.meta.dirname, '../node_modules/.bin/next'), args: ['start'] },
    port: options.port,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: '',
      PEER_DB_PATH: dbPath,
      BETTER_AUTH_SECRET: BENCH_SECRET,
      BETTER_AUTH_URL: origin,
      AUTH_SECRET: BENCH_SECRET,
      AUTH_URL: origin,
      AUTH_TRUST_HOST: 'true',
    },
  });
  const revoked = async (): Promise<string | null> => {
    if (name !== 'better-auth') return null; // Auth.js JWT sessions: nothing to revoke until expiry
    const response = await fetch(`${origin}/api/auth/sign-out`, {
      method: 'POST',
      headers: { cookie: spare, origin, 'content-type': 'application/json' },
      body: '{}',
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`better-auth sign-out: HTTP ${response.status}`);
    return spare;
  };
  return { key: name, label: PEER_APPS[name].label, server, cookies, revoked };
}

/** Flips one character in the middle of the credential (the value after the cookie's `=`). */
function tamper(cookie: string): string {
  const eq = cookie.indexOf('=');
  const at = eq + Math.floor((cookie.length - eq) / 2);
  const c = cookie[at] === 'A' ? 'B' : 'A';
  return cookie.slice(0, at) + c + cookie.slice(at + 1);
}

/** True when the route refuses the request (an API's 401, a protected page's redirect away). */
async function refuses(origin: string, path: string, cookie: string | null): Promise<boolean> {
  const response = await fetch(origin + path, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  await response.arrayBuffer();
  return response.status === 401 || (response.status >= 300 && response.status < 400);
}

async function accepts(origin: string, path: string, cookie: string): Promise<boolean> {
  const response = await fetch(origin + path, { headers: { cookie }, redirect: 'manual' });
  await response.arrayBuffer();
  return response.status === 200;
}

export async function checkCredentials(app: AppUnderTest): Promise<CredentialChecks> {
  const signedIn = ROUTES.filter((r) => r.signedIn).map((r) => r.path);
  const every = async (fn: (path: string) => Promise<boolean>) => (await Promise.all(signedIn.map(fn))).every(Boolean);
  const origin = app.server.origin;
  const good = app.cookies[0]!;
  const revokedCookie = await app.revoked();
  const checks: CredentialChecks = {
    missing: await every((p) => refuses(origin, p, null)),
    tampered: await every((p) => refuses(origin, p, tamper(good))),
    revoked: revokedCookie === null ? null : await every((p) => refuses(origin, p, revokedCookie)),
    valid: await every((p) => accepts(origin, p, good)),
  };
  if (!checks.missing || !checks.tampered || checks.revoked === false || !checks.valid) {
    throw new Error(`${app.label} failed its credential checks: ${JSON.stringify(checks)}`);
  }
  return checks;
}

export async function runCompare(counts: Counts, apps: AppUnderTest[], log: (line: string) => void): Promise<CompareSection> {
  const out = { seconds: counts.peerSeconds, warmupSeconds: counts.peerWarmupSeconds, connections: counts.connections, users: counts.peerUsers, apps: {} } as CompareSection;
  const checked = new Map<AppKey, CredentialChecks>();
  for (const app of apps) {
    const checks = await checkCredentials(app);
    checked.set(app.key, checks);
    log(`  ${app.label}: refuses missing ${checks.missing}, tampered ${checks.tampered}, revoked ${checks.revoked ?? 'n/a (cannot revoke)'}`);
  }
  const jobs: { id: string; path: string; headers?: Record<string, string>; rotate?: (app: AppUnderTest) => Record<string, string>[] }[] = [];
  for (const r of ROUTES) {
    if (!r.signedIn) jobs.push({ id: routeId(r.key), path: r.path });
    else {
      jobs.push({ id: routeId(r.key, 'one'), path: r.path, rotate: (a) => [{ cookie: a.cookies[0]! }] });
      jobs.push({ id: routeId(r.key, 'many'), path: r.path, rotate: (a) => a.cookies.map((cookie) => ({ cookie })) });
    }
  }
  // Warm every route of every app, then measure idle memory.
  for (const app of apps) {
    for (const job of jobs) await load(app.server.origin + job.path, { amount: Math.min(counts.httpWarmupRequests, 20), connections: 2, rotate: job.rotate?.(app) });
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const rssIdle = new Map(apps.map((a) => [a.key, treeRss(a.server.child.pid!)]));
  // Then bring every route of every app to speed, unrecorded, so that the first round does not
  // record V8's start-up compiling.
  if (counts.peerWarmupSeconds > 0) {
    for (const job of jobs) {
      for (const app of apps) await load(app.server.origin + job.path, { seconds: counts.peerWarmupSeconds, connections: counts.connections, rotate: job.rotate?.(app) });
    }
  }

  const runs = new Map<string, LoadRun[]>();
  const rssAfter = new Map<AppKey, number[]>(apps.map((a) => [a.key, []]));
  for (let rep = 0; rep < counts.peerReps; rep++) {
    // Each round starts with another app: a server measured right after another shares the core
    // with that one's clean-up (its collections after 5 s of load), and no app should always be
    // the one that follows the same neighbour.
    const order = apps.map((_, i) => apps[(i + rep) % apps.length]!);
    for (const job of jobs) {
      for (const app of order) {
        const run = await load(app.server.origin + job.path, { seconds: counts.peerSeconds, connections: counts.connections, rotate: job.rotate?.(app) });
        const key = `${app.key}|${job.id}`;
        runs.set(key, [...(runs.get(key) ?? []), run]);
        log(`  [${rep + 1}] ${job.id.padEnd(14)} ${app.key.padEnd(12)} ${Math.round(run.requestsPerSec)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms`);
      }
    }
    for (const app of apps) rssAfter.get(app.key)!.push(treeRss(app.server.child.pid!) / 2 ** 20);
  }
  for (const app of apps) {
    const routes: Record<string, RouteResult> = {};
    for (const job of jobs) {
      const list = runs.get(`${app.key}|${job.id}`)!;
      routes[job.id] = {
        requestsPerSec: summarize(list.map((r) => r.requestsPerSec)),
        p50: summarize(list.map((r) => r.p50)),
        p99: summarize(list.map((r) => r.p99)),
        runs: list,
      };
    }
    out.apps[app.key] = {
      label: app.label,
      checks: checked.get(app.key)!,
      rssIdleMb: rssIdle.get(app.key)! / 2 ** 20,
      rssAfterMb: summarize(rssAfter.get(app.key)!),
      routes,
    };
  }
  return out;
}
