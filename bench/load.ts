// One autocannon run, driven programmatically, reduced to the figures the bench reports: the only
// autocannon wrapper of the repository (the bench's HTTP sections and the cluster load test).
import autocannon from 'autocannon';

export interface LoadRun {
  requestsPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  /** Run for this many seconds… */
  seconds?: number;
  /** …or send this many requests. */
  amount?: number;
  connections: number;
  headers?: Record<string, string>;
  /** Headers of many clients, taken round-robin request by request (e.g. 1,000 users' cookies). */
  rotate?: Record<string, string>[];
}

/** One autocannon run as the bench and the cluster load test drive it. */
export interface AutocannonPlan {
  connections: number;
  /** Run for this many seconds… */
  seconds?: number;
  /** …or send this many requests. */
  amount?: number;
  /** Seconds before a request counts as timed out. */
  timeoutSeconds: number;
  headers?: Record<string, string>;
  /** The sequence of requests each connection loops over (autocannon's `requests`). */
  requests?: autocannon.Request[];
}

export interface AutocannonFigures {
  requests: number;
  requestsPerSec: number;
  p50: number;
  p99: number;
  /** Responses by status, for the non-2xx ones. */
  non2xxByStatus: Record<string, number>;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
}

/** The one autocannon wrapper: runs the plan and reduces autocannon's result to these figures. */
export async function runAutocannon(url: string, plan: AutocannonPlan): Promise<AutocannonFigures> {
  const result = await autocannon({
    url,
    connections: plan.connections,
    timeout: plan.timeoutSeconds,
    ...(plan.amount ? { amount: plan.amount } : { duration: plan.seconds ?? 1 }),
    headers: plan.headers ?? {},
    ...(plan.requests?.length ? { requests: plan.requests } : {}),
  });
  const non2xxByStatus: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) {
    if (!code.startsWith('2')) non2xxByStatus[code] = (stats as { count: number }).count;
  }
  return {
    requests: result.requests.total,
    requestsPerSec: result.requests.total / Math.max(result.duration, 1e-9),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xxByStatus,
    non2xx: result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
  };
}

export async function load(url: string, options: LoadOptions): Promise<LoadRun> {
  const figures = await runAutocannon(url, {
    connections: options.connections,
    // On a machine shared with other test suites a page can take seconds: a request counts as an
    // error (and refuses the run) only after 30 s, not autocannon's default 10 s.
    timeoutSeconds: 30,
    ...(options.amount ? { amount: options.amount } : { seconds: options.seconds ?? 1 }),
    headers: options.headers ?? {},
    ...(options.rotate?.length ? { requests: [rotating(options.rotate)] } : {}),
  });
  const run: LoadRun = {
    requestsPerSec: figures.requestsPerSec,
    p50: figures.p50,
    p99: figures.p99,
    requests: figures.requests,
    non2xx: figures.non2xx,
    errors: figures.socketErrors + figures.timeouts,
  };
  // A fixed-amount run (warm-up) must complete; a timed run on an overloaded machine may finish
  // none within its window, which is a figure (0 req/s), not a failure.
  if (run.requests === 0 && options.amount) throw new Error(`${url}: no request completed`);
  // A redirect to /login or a 401 would be measuring the wrong page: refuse the run.
  if (run.non2xx > 0 || run.errors > 0) {
    throw new Error(`${url}: ${run.non2xx} non-2xx responses and ${run.errors} errors out of ${run.requests}`);
  }
  return run;
}

function rotating(sets: Record<string, string>[]): autocannon.Request {
  let next = 0;
  return {
    setupRequest: (request) => {
      const headers = sets[next++ % sets.length]!;
      return { ...request, headers: { ...request.headers, ...headers } };
    },
  };
}

export interface LatencySample {
  /** Milliseconds per request, in completion order; a timed-out request counts as timeoutMs. */
  latencies: number[];
  p50: number;
  p99: number;
  requestsPerSec: number;
  timeouts: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * `requests` GETs over `concurrency` keep-alive loops, each timed to the last byte with no
 * duration cut-off (autocannon drops requests slower than its window or timeout, which is exactly
 * what a page stalled behind sign-ins does).
 */
export async function sampleLatency(
  url: string,
  options: { requests: number; concurrency: number; headers?: Record<string, string>; timeoutMs?: number },
): Promise<LatencySample> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const latencies: number[] = [];
  let next = 0;
  let timeouts = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < options.requests) {
      next++;
      const t0 = performance.now();
      try {
        const response = await fetch(url, { headers: options.headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
        latencies.push(performance.now() - t0);
      } catch (error) {
        if ((error as Error).name !== 'TimeoutError') throw error;
        timeouts++;
        latencies.push(timeoutMs);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  return { latencies, p50: percentile(sorted, 50), p99: percentile(sorted, 99), requestsPerSec: latencies.length / seconds, timeouts };
}
