// `npm run bench`: how much the sign-in design costs per request, against its alternatives.
//
//   npm run bench                       full run (a few minutes); writes bench/results.json + .svg
//   npm run bench -- --smoke            tiny counts, well under a minute
//   npm run bench -- --only=credential  one section (credential, revocation, http, signin; comma-separate)
//   npm run bench -- --out=/tmp/x       write results elsewhere
//   npm run bench -- --app-dir=/path    serve the build of another checkout (BENCH_APP_DIR)
//
// Sections 1–2 run in this process against a temp SQLite database; 3–4 drive `next start` from
// the production build in .next-bench (built on first run if missing) on port 3300.
// Run through package.json (node --import tsx --import ./bench/register.mjs): register.mjs lets
// lib/auth/session.ts's `server-only` import load outside React Server Components.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import bcrypt from 'bcryptjs';
import { BENCH_PASSWORD, applyBenchEnv } from './bench-env';
import { parseArgs, type BenchConfig } from './config';
import { signUp } from './client';
import { createTempDatabase, insertUsers } from './db';
import { figures } from './figures';
import { hasBuild, startServer } from './server';
import { renderSvg } from './svg';
import { renderTable } from './table';
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
  const { runBcrypt, runBurst, recommendCost } = await import('./signin');
  if (wantsSignin) {
    log('4a. bcryptjs cost');
    const costs = await runBcrypt(config.counts, log);
    results.signin = { bcrypt: costs, recommendedCost: recommendCost(costs) };
  }
  if (!wantsHttp && !wantsSignin) return;

  const serverBcryptCost = 11;
  const database = await createTempDatabase(tmpDir, 'server');
  // Sign-in users go straight into the database (signup is rate-limited per address).
  const hash = await bcrypt.hash(BENCH_PASSWORD, serverBcryptCost);
  const signInUsers = insertUsers(database.url, config.counts.concurrentSignIns, hash);
  const appDir = config.appDir ? resolve(config.appDir) : root;
  if (!hasBuild(appDir, config.distDir) && !config.smoke) {
    // A fresh clone has no build yet: make one for the bench (its own dist dir, so it never
    // disturbs the e2e build).
    log(`no build in ${config.distDir}: running next build (about a minute)`);
    const built = spawnSync(join(appDir, 'node_modules/.bin/next'), ['build'], {
      cwd: appDir,
      stdio: 'inherit',
      env: { ...process.env, NEXT_DIST_DIR: config.distDir, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (built.status !== 0) throw new Error('next build failed');
  }
  log(`starting next start (${join(appDir, config.distDir)}) on port ${config.port}`);
  const server = await startServer({ root: appDir, distDir: config.distDir, port: config.port, databaseUrl: database.url, bcryptCost: serverBcryptCost });
  try {
    const user = await signUp(server.origin, `bench-page-${Date.now()}@example.com`);
    if (wantsHttp) {
      log('3. HTTP (autocannon)');
      const { runHttp } = await import('./http');
      results.http = await runHttp(config.counts, server.origin, user, log);
    }
    if (wantsSignin) {
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

export async function main(argv: string[]): Promise<BenchOutput> {
  const config = parseArgs(argv, benchDir);
  const tmpDir = join(benchDir, '.tmp');
  const results: Results = {};
  const started = Date.now();

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
