// Section 6: where the time of one of our requests goes, step by step, each step a route of its
// own (the bench-only *.bench.ts(x) routes, built only with BENCH_ROUTES=1; see next.config.js):
//   API:   bare handler → the same behind the middleware (what pages pay; API routes no longer do)
//          → bare + a database round trip → bare + the DAL check → /api/me
//   pages: static → dynamic → + middleware with a nonce CSP → + the DAL check → /orders
// Runs are interleaved step by step, repetition by repetition.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Counts } from './config';
import { load, type LoadRun } from './load';
import { summarize, type Summary } from './stats';

export interface Step {
  kind: 'api' | 'page';
  label: string;
  path: string;
  signedIn: boolean;
}

export const STEPS: Step[] = [
  { kind: 'api', label: 'bare route handler (API routes skip the middleware)', path: '/api/bench/bare', signedIn: false },
  { kind: 'api', label: 'the same behind the middleware (as on a page path)', path: '/bench/bare', signedIn: false },
  { kind: 'api', label: 'bare + a database round trip (SELECT 1)', path: '/api/bench/db', signedIn: false },
  { kind: 'api', label: 'bare + the DAL check (verify + one query)', path: '/api/bench/dal', signedIn: true },
  { kind: 'api', label: 'the real route: /api/me', path: '/api/me', signedIn: true },
  { kind: 'page', label: 'static page, outside the middleware', path: '/images/bench/static', signedIn: false },
  { kind: 'page', label: 'dynamic page (rendered per request)', path: '/images/bench/dynamic', signedIn: false },
  { kind: 'page', label: '+ middleware with a nonce CSP', path: '/bench/dynamic', signedIn: false },
  { kind: 'page', label: '+ the DAL check', path: '/bench/dal', signedIn: true },
  { kind: 'page', label: 'the real page: /orders (+ its queries)', path: '/orders', signedIn: true },
];

export interface StepResult extends Step {
  requestsPerSec: Summary;
  p50: Summary;
  p99: Summary;
  runs: LoadRun[];
}

export interface DecomposeSection {
  seconds: number;
  /** Seconds of unrecorded load per step before the rounds. */
  warmupSeconds: number;
  connections: number;
  steps: StepResult[];
}

/** True when the build at `distDir` has the bench-only routes (a BENCH_ROUTES=1 build). */
export function hasBenchRoutes(appDir: string, distDir: string): boolean {
  const manifest = join(appDir, distDir, 'app-path-routes-manifest.json');
  return existsSync(manifest) && readFileSync(manifest, 'utf8').includes('/bench/dal');
}

export async function runDecompose(counts: Counts, origin: string, cookie: string, log: (line: string) => void): Promise<DecomposeSection> {
  const headersOf = (s: Step): Record<string, string> => (s.signedIn ? { cookie } : {});
  for (const s of STEPS) await load(origin + s.path, { amount: Math.min(counts.httpWarmupRequests, 20), connections: 2, headers: headersOf(s) });
  // Every step at speed before the timed rounds (see Counts.peerWarmupSeconds).
  if (counts.peerWarmupSeconds > 0) {
    for (const s of STEPS) await load(origin + s.path, { seconds: counts.peerWarmupSeconds, connections: counts.connections, headers: headersOf(s) });
  }
  const runs = STEPS.map(() => [] as LoadRun[]);
  for (let rep = 0; rep < counts.peerReps; rep++) {
    for (const [i, s] of STEPS.entries()) {
      const run = await load(origin + s.path, { seconds: counts.peerSeconds, connections: counts.connections, headers: headersOf(s) });
      runs[i]!.push(run);
      log(`  [${rep + 1}] ${s.kind} ${s.label}: ${Math.round(run.requestsPerSec)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms`);
    }
  }
  return {
    seconds: counts.peerSeconds,
    warmupSeconds: counts.peerWarmupSeconds,
    connections: counts.connections,
    steps: STEPS.map((s, i) => ({
      ...s,
      requestsPerSec: summarize(runs[i]!.map((r) => r.requestsPerSec)),
      p50: summarize(runs[i]!.map((r) => r.p50)),
      p99: summarize(runs[i]!.map((r) => r.p99)),
      runs: runs[i]!,
    })),
  };
}
