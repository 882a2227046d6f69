// Section 4: sign-in cost.
//   a) bcryptjs hash time per cost (10, 11, 12), in this process, median of several;
//   b) p99 latency of a protected page (/account) while N sign-ins (POST /api/auth/login, server
//      at BCRYPT_COST=11) run at once in a loop, against the same page idle. Idle and burst runs
//      alternate.
import bcrypt from 'bcryptjs';
import { BENCH_PASSWORD } from './bench-env';
import type { Counts } from './config';
import { signIn, type SignedIn } from './client';
import { sampleLatency, type LatencySample } from './load';
import { summarize, timeOnce, type Summary } from './stats';

export interface BcryptCost {
  cost: number;
  ms: Summary;
}

export interface BurstSection {
  concurrentSignIns: number;
  serverBcryptCost: number;
  requests: number;
  idle: { p99: Summary; p50: Summary; requestsPerSec: Summary; runs: LatencySample[] };
  burst: { p99: Summary; p50: Summary; requestsPerSec: Summary; runs: LatencySample[]; signIns: number; signInMs: Summary };
  p99Ratio: number;
}

export async function runBcrypt(counts: Counts, log: (line: string) => void): Promise<BcryptCost[]> {
  const out: BcryptCost[] = [];
  await bcrypt.hash(BENCH_PASSWORD, 4); // load and JIT
  for (const cost of counts.bcryptCosts) {
    const times: number[] = [];
    for (let i = 0; i < counts.bcryptHashes; i++) times.push(await timeOnce(() => bcrypt.hash(BENCH_PASSWORD, cost)));
    out.push({ cost, ms: summarize(times) });
    log(`  bcrypt cost ${cost}: ${Math.round(out.at(-1)!.ms.median)} ms/hash`);
  }
  return out;
}

/** The largest cost whose median hash takes at most `budgetMs`, and never below 10. */
/**
 * The cost to ship: OWASP's floor is 10, and a hash should take roughly 100–300 ms on a small
 * server. Of the costs inside that band, the one nearest its middle (geometrically, ~173 ms), so
 * that a slower machine (a serverless function) stays under 300 ms and a faster one above 100 ms.
 */
export function recommendCost(costs: BcryptCost[], band: [number, number] = [100, 300]): number {
  const middle = Math.sqrt(band[0] * band[1]);
  const inBand = costs.filter((c) => c.cost >= 10 && c.ms.median >= band[0] && c.ms.median <= band[1]);
  if (inBand.length === 0) return Math.max(10, ...costs.filter((c) => c.ms.median <= band[1]).map((c) => c.cost));
  const distance = (c: BcryptCost) => Math.abs(Math.log(c.ms.median / middle));
  return inBand.reduce((best, c) => (distance(c) < distance(best) ? c : best)).cost;
}

export async function runBurst(
  counts: Counts,
  origin: string,
  pageUser: SignedIn,
  signInEmails: string[],
  serverBcryptCost: number,
  log: (line: string) => void,
): Promise<BurstSection> {
  const page = `${origin}/account`;
  const headers = { cookie: pageUser.cookieHeader };
  const timeoutMs = counts.requestTimeoutMs;
  const options = { requests: counts.burstRequests, concurrency: counts.connections, headers, timeoutMs };
  await sampleLatency(page, { requests: 20, concurrency: 2, headers, timeoutMs }); // warm
  const idle: LatencySample[] = [];
  const burst: LatencySample[] = [];
  const signInMs: number[] = [];
  let signIns = 0;
  let signInTimeouts = 0;

  for (let rep = 0; rep < counts.burstReps; rep++) {
    idle.push(await sampleLatency(page, options));
    log(`  /account idle: p99 ${Math.round(idle.at(-1)!.p99)} ms`);

    let running = true;
    // After the last run nothing else is measured: the sign-ins still in flight are abandoned.
    const abandon = new AbortController();
    const loops = signInEmails.map(async (email) => {
      while (running) {
        const started = performance.now();
        let status: number;
        try {
          status = await signIn(origin, email, AbortSignal.any([abandon.signal, AbortSignal.timeout(timeoutMs)]));
        } catch (error) {
          if (abandon.signal.aborted) return;
          if ((error as Error).name === 'TimeoutError') {
            signInTimeouts++;
            continue;
          }
          throw error;
        }
        if (status !== 200) throw new Error(`sign-in of ${email} during the burst: HTTP ${status}`);
        signInMs.push(performance.now() - started);
        signIns++;
      }
    });
    // Let every sign-in get going before measuring.
    await new Promise((resolve) => setTimeout(resolve, 300));
    try {
      burst.push(await sampleLatency(page, options));
    } finally {
      running = false;
      if (rep === counts.burstReps - 1) abandon.abort();
      await Promise.all(loops);
    }
    log(`  /account during ${signInEmails.length} sign-ins: p99 ${Math.round(burst.at(-1)!.p99)} ms (${burst.at(-1)!.timeouts} timed out at ${timeoutMs / 1000} s; ${signInTimeouts} sign-ins timed out)`);
  }

  const sum = (runs: LatencySample[]) => ({
    p99: summarize(runs.map((r) => r.p99)),
    p50: summarize(runs.map((r) => r.p50)),
    requestsPerSec: summarize(runs.map((r) => r.requestsPerSec)),
    runs,
  });
  const idleSum = sum(idle);
  const burstSum = { ...sum(burst), signIns, signInMs: summarize(signInMs.length ? signInMs : [NaN]) };
  return {
    concurrentSignIns: signInEmails.length,
    serverBcryptCost,
    requests: counts.burstRequests,
    idle: idleSum,
    burst: burstSum,
    p99Ratio: burstSum.p99.median / idleSum.p99.median,
  };
}
