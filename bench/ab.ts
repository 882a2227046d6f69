// A/B of two builds of this app, for a lever's commit message: both served at once (ports
// --port and --port+1) on copies of one seeded database, the same routes measured in interleaved
// rounds.
//   node --import tsx --import ./bench/register.mjs bench/ab.ts --a=.next-bench-before --b=.next-bench \
//     --paths=/api/health,/api/me,/,/orders [--reps=5] [--seconds=5] [--warmup=5] [--port=3300]
// Every path of both servers first takes --warmup seconds of unrecorded load (default 5, like
// peerWarmupSeconds in config.ts).
// Paths listed in SIGNED_IN get the access cookie of one signed-up user of each server.
import { copyFileSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { signUp } from './client';
import { createTempDatabase } from './db';
import { load } from './load';
import { startServer } from './server';
import { summarize } from './stats';

const SIGNED_IN = ['/api/me', '/orders', '/account', '/cart', '/api/bench/dal', '/bench/dal'];

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split(/=(.*)/s).slice(0, 2) as [string, string]));
const builds = [args.a ?? '.next-bench-before', args.b ?? '.next-bench'];
const paths = (args.paths ?? '/api/health').split(',');
const reps = Number(args.reps ?? 5);
const seconds = Number(args.seconds ?? 5);
const warmup = Number(args.warmup ?? 5);
const port = Number(args.port ?? process.env.BENCH_PORT ?? 3300);
const root = join(import.meta.dirname, '..');
const tmp = join(root, 'bench/.tmp');
mkdirSync(tmp, { recursive: true });

const database = await createTempDatabase(tmp, 'ab');
const servers = [];
for (const [i, distDir] of builds.entries()) {
  const copy = `${database.path}.${i}`;
  copyFileSync(database.path, copy);
  servers.push(await startServer({ root, distDir, port: port + i, databaseUrl: `file:${copy}`, bcryptCost: 10 }));
}
try {
  const cookies = await Promise.all(servers.map((s, i) => signUp(s.origin, `ab-${i}-${Date.now()}@example.com`)));
  const headersFor = (i: number, path: string): Record<string, string> => (SIGNED_IN.includes(path) ? { cookie: cookies[i]!.cookieHeader } : {});
  for (const path of paths) for (const [i, s] of servers.entries()) await load(s.origin + path, { amount: 100, connections: 2, headers: headersFor(i, path) });
  if (warmup > 0) for (const path of paths) for (const [i, s] of servers.entries()) await load(s.origin + path, { seconds: warmup, connections: 10, headers: headersFor(i, path) });
  const rates = new Map<string, number[]>();
  const start = loadavg()[0]!;
  for (let rep = 0; rep < reps; rep++) {
    for (const path of paths) {
      for (const [i, s] of servers.entries()) {
        const run = await load(s.origin + path, { seconds, connections: 10, headers: headersFor(i, path) });
        rates.set(`${path}|${i}`, [...(rates.get(`${path}|${i}`) ?? []), run.requestsPerSec]);
      }
    }
  }
  console.log(`A = ${builds[0]}, B = ${builds[1]}; ${reps} interleaved rounds of ${seconds} s after ${warmup} s of warm-up, 10 connections; load average ${start.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
  for (const path of paths) {
    const [a, b] = [0, 1].map((i) => summarize(rates.get(`${path}|${i}`)!));
    console.log(`${path}: A ${Math.round(a!.median)} (${Math.round(a!.min)}–${Math.round(a!.max)}) → B ${Math.round(b!.median)} (${Math.round(b!.min)}–${Math.round(b!.max)}) req/s = ${(b!.median / a!.median).toFixed(2)}x`);
  }
} finally {
  for (const s of servers) await s.stop();
  database.drop();
}
process.exit(0);
