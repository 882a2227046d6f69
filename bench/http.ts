// Section 3: HTTP against `next start` (production build), autocannon for a fixed time each.
// Pairs compared (same kind of response, with and without the auth work):
//   /api/me with the access cookie   vs  /api/health, no auth   (small JSON; each one DB query
//                                                                  besides the DAL's own)
//   /account with the access cookie  vs  /?sort=name (catalogue), no auth (pages rendered per
//                                                  request: a bare `/` without cookies is served
//                                                  prerendered, lib/prerendered-front-page.ts)
// and /api/me with the same token as a Bearer header. Runs are interleaved endpoint by endpoint,
// repetition by repetition, so drift on the shared machine hits every endpoint alike.
import type { Counts } from './config';
import type { SignedIn } from './client';
import { load, type LoadRun } from './load';
import { summarize, type Summary } from './stats';

export type EndpointKey = 'health' | 'meCookie' | 'meBearer' | 'home' | 'account';

export interface EndpointResult {
  label: string;
  path: string;
  auth: 'none' | 'cookie' | 'bearer';
  requestsPerSec: Summary;
  p50: Summary;
  p99: Summary;
  runs: LoadRun[];
}

export interface HttpSection {
  seconds: number;
  connections: number;
  endpoints: Record<EndpointKey, EndpointResult>;
  pairs: { label: string; protected: EndpointKey; baseline: EndpointKey; throughputRatio: number }[];
}

export async function runHttp(counts: Counts, origin: string, user: SignedIn, log: (line: string) => void): Promise<HttpSection> {
  const endpoints: { key: EndpointKey; label: string; path: string; auth: EndpointResult['auth']; headers: Record<string, string> }[] = [
    { key: 'health', label: 'GET /api/health (no auth)', path: '/api/health', auth: 'none', headers: {} },
    { key: 'meCookie', label: 'GET /api/me (cookie)', path: '/api/me', auth: 'cookie', headers: { cookie: user.cookieHeader } },
    { key: 'meBearer', label: 'GET /api/me (Bearer)', path: '/api/me', auth: 'bearer', headers: { authorization: `Bearer ${user.accessToken}` } },
    { key: 'home', label: 'GET /?sort=name catalogue (no auth)', path: '/?sort=name', auth: 'none', headers: {} },
    { key: 'account', label: 'GET /account (cookie)', path: '/account', auth: 'cookie', headers: { cookie: user.cookieHeader } },
  ];
  // Warm every route (first render compiles nothing in production, but fills caches and JIT).
  for (const e of endpoints) await load(origin + e.path, { amount: counts.httpWarmupRequests, connections: 2, headers: e.headers });

  const runs = new Map<EndpointKey, LoadRun[]>(endpoints.map((e) => [e.key, []]));
  for (let rep = 0; rep < counts.httpReps; rep++) {
    for (const e of endpoints) {
      const run = await load(origin + e.path, { seconds: counts.httpSeconds, connections: counts.connections, headers: e.headers });
      runs.get(e.key)!.push(run);
      log(`  ${e.label}: ${Math.round(run.requestsPerSec)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms`);
    }
  }

  const results = {} as Record<EndpointKey, EndpointResult>;
  for (const e of endpoints) {
    const list = runs.get(e.key)!;
    results[e.key] = {
      label: e.label,
      path: e.path,
      auth: e.auth,
      requestsPerSec: summarize(list.map((r) => r.requestsPerSec)),
      p50: summarize(list.map((r) => r.p50)),
      p99: summarize(list.map((r) => r.p99)),
      runs: list,
    };
  }
  const ratio = (a: EndpointKey, b: EndpointKey) => results[a].requestsPerSec.median / results[b].requestsPerSec.median;
  return {
    seconds: counts.httpSeconds,
    connections: counts.connections,
    endpoints: results,
    pairs: [
      { label: '/api/me (cookie) vs /api/health (no auth)', protected: 'meCookie', baseline: 'health', throughputRatio: ratio('meCookie', 'health') },
      { label: '/api/me (Bearer) vs /api/health (no auth)', protected: 'meBearer', baseline: 'health', throughputRatio: ratio('meBearer', 'health') },
      { label: '/account (cookie) vs /?sort=name (no auth)', protected: 'account', baseline: 'home', throughputRatio: ratio('account', 'home') },
    ],
  };
}
