// `npm run bench`: how much the sign-in design costs per request, against its alternatives.
//
//   npm run bench                       full run (a few minutes); writes bench/results.json + .svg
//   npm run bench -- --smoke            tiny counts, well under a minute
//   npm run bench -- --only=credential  one section (credential, revocation, http, signin, decompose,
//                                       compare; comma-separate). --smoke runs the first four only.
//   npm run bench -- --out=/tmp/x       write results elsewhere
//   npm run bench -- --app-dir=/path    serve the build of another checkout (BENCH_APP_DIR)
//
// Sections 1–2 run in this process against a temp SQLite database; 3–6 drive `next start` from
// the production build in .next-bench (built on first run if missing, with the bench-only routes
// of BENCH_ROUTES=1) on port 3300 (--port / BENCH_PORT); section 6 also builds and starts the peer
// apps (bench/peers, installed into .cache/bench-peers) on the next two ports.
// Run through package.json (node --import tsx --import ./bench/register.mjs): register.mjs lets
// lib/auth/session/dal.ts's `server-only` import load outside React Server Components.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import bcrypt from 'bcryptjs';
import { BENCH_PASSWORD, applyBenchEnv } from './bench-env';
import { parseArgs, type BenchConfig } from './config';
import { signUp } from './client';
import { createTempDatabase, insertUsers } from './db';
import { hasBenchRoutes } from './decompose';
import { figures } from './figures';
import { hasBuild, startServer } from './server';
import type { AppUnderTest, CompareSection } from './compare';
import { renderSvg } from './svg';
import { renderCompare, renderDecompose, renderTable } from './table';
import { judge, type Results } from './targets';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..');
const log = (line: string) => console.log(line);

export interface BenchOutput {
  meta: {
    date: string;
    mode: 'full' | 'smoke';
    sections: string[];
    node: string;
    cpus: number;
    cpuModel: string;
    /** 1, 5 and 15 minute load averages at the start and the end of the run. */
    loadAverage: { start: number[]; end: number[] };
    distDir: string;
    notes: string[];
  };
  results: Results;
  figures: ReturnType<typeof figures>;
  targets: ReturnType<typeof judge>;
}

async function runInProcess(config: BenchConfig, results: Results, tmpDir: string): Promise<void> {
  if (!config.only.includes('credential') && !config.only.includes('revocation')) return;
  const database = await createTempDatabase(tmpDir, 'inproc');
  applyBenchEnv(database.url);
  // Imported only now: lib/ reads the environment on first use.
  const { runCredential } = await import('./credential');
  const { runRevocation } = await import('./revocation');
  const { db } = await import('../lib/db');
  try {
    if (config.only.includes('credential')) {
      log('1. credential check (in process)');
      results.credential = await runCredential(config.counts, database.url, log);
    }
    if (config.only.includes('revocation')) {
      log('2. revocation check vs RevokedToken size');
      results.revocation = await runRevocation(config.counts, database.url, log);
    }
  } finally {
    await (await db()).$disconnect();
    database.drop();
  }
}

async function runServerSections(config: BenchConfig, results: Results, tmpDir: string): Promise<void> {
  const wantsHttp = config.only.includes('http');
  const wantsSignin = config.only.includes('signin');
  const wantsDecompose = config.only.includes('decompose');
  const wantsCompare = config.only.includes('compare');
  const { runBcrypt, recommendCost } = await import('./signin');
  if (wantsSignin) {
    log('4a. bcryptjs cost');
    const costs = await runBcrypt(config.counts, log);
    results.signin = { bcrypt: costs, recommendedCost: recommendCost(costs) };
  }
  if (!wantsHttp && !wantsSignin && !wantsDecompose && !wantsCompare) return;

  const serverBcryptCost = 11;
  const appDir = config.appDir ? resolve(config.appDir) : root;
  const needsBenchRoutes = wantsDecompose && !hasBenchRoutes(appDir, config.distDir);
  if ((!hasBuild(appDir, config.distDir) && !config.smoke) || needsBenchRoutes) {
    // A fresh clone has no build yet: make one for the bench (its own dist dir, so it never
    // disturbs the e2e build), with the bench-only routes of the decomposition.
    // Through npm run build's script, as deployed, so the prerendered front page's policy has its hashes.
    log(`no bench build in ${config.distDir}: running BENCH_ROUTES=1 scripts/build.mjs (a minute or two)`);
    const built = spawnSync(process.execPath, [join(appDir, 'scripts/build.mjs')], {
      cwd: appDir,
      stdio: 'inherit',
      env: { ...process.env, NEXT_DIST_DIR: config.distDir, NEXT_TELEMETRY_DISABLED: '1', BENCH_ROUTES: '1' },
    });
    if (built.status !== 0) throw new Error('next build failed');
  }
  if (wantsHttp || wantsSignin || wantsDecompose) {
    await runOnOneServer(config, results, { http: wantsHttp, signin: wantsSignin, decompose: wantsDecompose }, tmpDir, appDir, serverBcryptCost);
  }
  // After that server has stopped: the comparison starts servers of its own.
  if (wantsCompare) {
    log(`6. side by side with Better Auth and Auth.js (one user, ${config.counts.peerUsers} users)`);
    results.compare = await runCompareWith(config, appDir, serverBcryptCost, tmpDir);
  }
}

/** Sections 3, 4b and 5 (those in `wants`), on one `next start` of the bench build. */
async function runOnOneServer(
  config: BenchConfig,
  results: Results,
  wants: { http: boolean; signin: boolean; decompose: boolean },
  tmpDir: string,
  appDir: string,
  serverBcryptCost: number,
): Promise<void> {
  const { runBurst } = await import('./signin');
  const database = await createTempDatabase(tmpDir, 'server');
  // Sign-in users go straight into the database (signup is rate-limited per address); only the
  // sign-in burst needs them, and hashing their password at the server's cost is not free.
  const signInUsers = wants.signin ? insertUsers(database.url, config.counts.concurrentSignIns, await bcrypt.hash(BENCH_PASSWORD, serverBcryptCost)) : [];
  log(`starting next start (${join(appDir, config.distDir)}) on port ${config.port}`);
  const server = await startServer({ root: appDir, distDir: config.distDir, port: config.port, databaseUrl: database.url, bcryptCost: serverBcryptCost });
  try {
    const user = await signUp(server.origin, `bench-page-${Date.now()}@example.com`);
    if (wants.http) {
      log('3. HTTP (autocannon)');
      const { runHttp } = await import('./http');
      results.http = await runHttp(config.counts, server.origin, user, log);
    }
    if (wants.decompose) {
      log('5. our cost, step by step');
      const { runDecompose } = await import('./decompose');
      results.decompose = await runDecompose(config.counts, server.origin, user.cookieHeader, log);
    }
    if (wants.signin) {
      log(`4b. /account p99 during ${signInUsers.length} concurrent sign-ins`);
      results.signin!.burst = await runBurst(config.counts, server.origin, user, signInUsers.map((u) => u.email), serverBcryptCost, log);
    }
  } catch (error) {
    console.error(`server output:\n${server.output().slice(-4000)}`);
    throw error;
  } finally {
    await server.stop();
    database.drop();
  }
}

/** Section 6: a fresh server of ours (with `users` minted sign-ins) and the two peers, measured
 *  together. Ours starts afresh, as the peers do, on its own copy of the seeded database: the
 *  sections before load the first server for minutes, and its heap would carry their garbage into
 *  the memory figures. */
async function runCompareWith(config: BenchConfig, appDir: string, bcryptCost: number, tmpDir: string): Promise<CompareSection> {
  const { runCompare, startPeer } = await import('./compare');
  const database = await createTempDatabase(tmpDir, 'compare');
  applyBenchEnv(database.url); // the signing key and claims of our tokens (lib/env.ts)
  const { signToken, uuidv7 } = await import('../lib/auth/tokens');
  const users = insertUsers(database.url, config.counts.peerUsers);
  const cookies: string[] = [];
  for (const u of users) cookies.push(`access=${(await signToken('access', { sub: u.id, sid: uuidv7() })).token}`);
  // The peers take the next two ports.
  const server = await startServer({ root: appDir, distDir: config.distDir, port: config.port + 3, databaseUrl: database.url, bcryptCost }).catch((error: unknown) => {
    database.drop();
    throw error;
  });
  const ours: AppUnderTest = {
    key: 'ours',
    label: 'Tokenshop (this app)',
    server,
    cookies,
    revoked: async () => {
      // A real sign-up, then a real sign-out: the same access cookie must be refused next.
      const victim = await signUp(server.origin, `bench-revoked-${Date.now()}@example.com`);
      const response = await fetch(`${server.origin}/api/auth/logout`, { method: 'POST', headers: { cookie: victim.cookieHeader, origin: server.origin } });
      if (response.status !== 204) throw new Error(`logout: HTTP ${response.status}`);
      return victim.cookieHeader;
    },
  };
  const peers: AppUnderTest[] = [];
  try {
    for (const [i, name] of (['better-auth', 'next-auth'] as const).entries()) {
      peers.push(await startPeer(name, { port: config.port + 1 + i, seededDbPath: database.path, tmpDir, users: config.counts.peerUsers, log }));
    }
    return await runCompare(config.counts, [ours, ...peers], log);
  } catch (error) {
    for (const p of peers) console.error(`${p.key} output:\n${p.server.output().slice(-3000)}`);
    throw error;
  } finally {
    for (const p of peers) await p.server.stop();
    await server.stop();
    database.drop();
  }
}

export async function main(argv: string[]): Promise<BenchOutput> {
  const config = parseArgs(argv, benchDir);
  const tmpDir = join(benchDir, '.tmp');
  const results: Results = {};
  const started = Date.now();
  const loadStart = loadavg();

  await runInProcess(config, results, tmpDir);
  await runServerSections(config, results, tmpDir);

  const output: BenchOutput = {
    meta: {
      date: new Date().toISOString(),
      mode: config.smoke ? 'smoke' : 'full',
      sections: config.only,
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      loadAverage: { start: loadStart, end: loadavg() },
      distDir: config.appDir ? join(resolve(config.appDir), config.distDir) : config.distDir,
      notes: [
        'Medians over repetitions with min–max; the machine is shared and noisy.',
        'HTTP pairs: /api/me (cookie, Bearer) vs /api/health (no auth); /account (cookie) vs / (catalogue, no auth).',
        'Database: SQLite (better-sqlite3 adapter) in a temp file; "round trips" are SQL statements sent.',
      ],
    },
    results,
    figures: figures(results),
    targets: judge(results),
  };

  const outDir = resolve(config.outDir);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), JSON.stringify(output, null, 2) + '\n');
  const subtitle = `${output.meta.mode} run ${output.meta.date.slice(0, 16)}Z · node ${output.meta.node} · ${output.meta.cpus} × ${output.meta.cpuModel} · medians, whiskers min–max`;
  writeFileSync(join(outDir, 'results.svg'), renderSvg(results, subtitle));

  if (results.decompose) console.log('\nOur cost, step by step\n' + renderDecompose(results.decompose));
  if (results.compare) console.log('\nSide by side (interleaved rounds)\n' + renderCompare(results.compare));
  console.log(`\nload average ${output.meta.loadAverage.start.map((n) => n.toFixed(2)).join(' ')} at the start, ${output.meta.loadAverage.end.map((n) => n.toFixed(2)).join(' ')} at the end`);
  console.log('\n' + renderTable(output.figures, output.targets));
  console.log(`\nwrote ${join(outDir, 'results.json')} and results.svg in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return output;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
