// One autocannon run, driven programmatically, reduced to the figures the bench reports.
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

export async function load(url: string, options: LoadOptions): Promise<LoadRun> {
  const result = await autocannon({
    url,
    connections: options.connections,
    // On a machine shared with other test suites a page can take seconds: a request counts as an
    // error (and refuses the run) only after 30 s, not autocannon's default 10 s.
    timeout: 30,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 1 }),
    headers: options.headers ?? {},
    ...(options.rotate?.length ? { requests: [rotating(options.rotate)] } : {}),
  });
  const run: LoadRun = {
    requestsPerSec: result.requests.total / Math.max(result.duration, 1e-9),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
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
