// The issue-18 targets and tables, judged on made-up results (the full run's figures vary; the
// rules must not): ours against the fastest peer route by route, RSS against the largest peer,
// and our revocation seen by the next request.
import { describe, expect, it } from 'vitest';
import type { CompareSection, RouteResult } from './compare';
import type { DecomposeSection } from './decompose';
import { summarize } from './stats';
import { renderCompare, renderDecompose } from './table';
import { judge } from './targets';

const s = (median: number) => ({ median, min: median * 0.9, max: median * 1.1, n: 3 });
const route = (rps: number): RouteResult => ({ requestsPerSec: s(rps), p50: s(10), p99: s(40), runs: [] });
const routes = (rps: Record<string, number>) => Object.fromEntries(Object.entries(rps).map(([k, v]) => [k, route(v)]));
const all = (health: number, me: number, catalogue: number, page: number) =>
  routes({ health, 'me:one': me, 'me:many': me, catalogue, 'page:one': page, 'page:many': page });

function section(ours: ReturnType<typeof all>, oursRss: number, revoked: boolean | null = true): CompareSection {
  return {
    seconds: 5,
    warmupSeconds: 5,
    connections: 10,
    users: 1000,
    apps: {
      ours: { label: 'ours', checks: { missing: true, tampered: true, revoked, valid: true }, rssIdleMb: 200, rssAfterMb: summarize([oursRss]), routes: ours },
      'better-auth': { label: 'BA', checks: { missing: true, tampered: true, revoked: true, valid: true }, rssIdleMb: 120, rssAfterMb: summarize([140]), routes: all(1000, 500, 300, 200) },
      'next-auth': { label: 'AJS', checks: { missing: true, tampered: true, revoked: null, valid: true }, rssIdleMb: 120, rssAfterMb: summarize([150]), routes: all(900, 600, 250, 250) },
    },
  };
}

describe('issue 18 targets', () => {
  it('passes signed-in routes at the fastest peer and public ones at 0.9x of it', () => {
    const targets = judge({ compare: section(all(900, 600, 270, 250), 150) }).filter((t) => t.section === 'compare');
    expect(targets).toHaveLength(8);
    expect(targets.every((t) => t.pass), JSON.stringify(targets.filter((t) => !t.pass))).toBe(true);
    expect(targets.find((t) => t.name.startsWith('GET /api/me, one user'))!.name).toContain('next-auth');
    expect(targets.find((t) => t.name.startsWith('GET /api/health'))!.name).toContain('better-auth');
  });

  it('shows a ratio just under its goal as under it', () => {
    const health = judge({ compare: section(all(894.5, 600, 270, 250), 150) }).find((t) => t.name.startsWith('GET /api/health'))!;
    expect(health.pass).toBe(false);
    expect(health.measured).toMatch(/= 0\.894x$/);
  });

  it('fails a signed-in route just under the fastest peer, a public one under 0.9x, RSS above the largest peer, no revocation', () => {
    const targets = judge({ compare: section(all(899, 599, 269, 249), 151, null) }).filter((t) => t.section === 'compare');
    expect(targets.filter((t) => t.pass)).toEqual([]);
  });
});

describe('tables', () => {
  it('prints one column per app and the credential checks', () => {
    const text = renderCompare(section(all(900, 600, 270, 250), 150));
    expect(text.split('\n')[0]).toMatch(/ours\s+better-auth\s+next-auth/);
    expect(text).toContain('me, 1000 users');
    expect(text).toMatch(/true \/ true \/ n\/a/);
  });

  it('prints memory after load as the median of the rounds with their range', () => {
    const c = section(all(900, 600, 270, 250), 150);
    c.apps.ours.rssAfterMb = summarize([500, 300, 350]);
    expect(renderCompare(c)).toMatch(/RSS idle \/ after load, MB\s+200 \/ 350 \(300–500\)/);
  });

  it('prints the time each step adds', () => {
    const step = (kind: 'api' | 'page', label: string, rps: number) => ({ kind, label, path: '/', signedIn: false, requestsPerSec: s(rps), p50: s(1), p99: s(2), runs: [] });
    const d: DecomposeSection = { seconds: 1, warmupSeconds: 0, connections: 10, steps: [step('api', 'bare', 1000), step('api', '+ middleware', 500)] };
    const lines = renderDecompose(d).split('\n');
    expect(lines[2]).toMatch(/\+ middleware.*2\.00\s+1\.00$/);
  });
});
