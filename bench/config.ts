// Command-line flags and the iteration counts of the full and smoke modes.

export const SECTIONS = ['credential', 'revocation', 'http', 'signin', 'decompose', 'compare'] as const;
/**
 * What --smoke runs by default: not the peers (installing and building two more apps) nor the
 * decomposition (its bench-only routes exist only in a BENCH_ROUTES=1 build, and npm test smokes
 * the production build).
 */
export const SMOKE_SECTIONS = ['credential', 'revocation', 'http', 'signin'] as const;
export type SectionName = (typeof SECTIONS)[number];

export interface BenchConfig {
  smoke: boolean;
  only: SectionName[];
  /** Where results.json and results.svg go. */
  outDir: string;
  /** The production build `next start` serves (NEXT_DIST_DIR), relative to appDir. */
  distDir: string;
  /** The app directory `next start` runs in (default: this repository). */
  appDir: string | null;
  /** First port of the bench servers (3300+, clear of the e2e servers on 3100/3101). */
  port: number;
  counts: Counts;
}

export interface Counts {
  /** Section 1: calls per repetition for the cheap (memo, floor) and costly (crypto, DB) cases. */
  cheapIterations: number;
  costlyIterations: number;
  reps: number;
  warmup: number;
  /** Section 2: RevokedToken table sizes. */
  revokedRows: number[];
  revocationIterations: number;
  revocationReps: number;
  /** Section 3: seconds per autocannon run, runs per endpoint, connections. */
  httpSeconds: number;
  httpReps: number;
  connections: number;
  /** Untimed requests per endpoint before the timed runs. */
  httpWarmupRequests: number;
  /** Section 4: hashes per bcrypt cost; requests per /account run; idle/burst pairs; sign-ins at once. */
  bcryptCosts: number[];
  bcryptHashes: number;
  /** Requests per /account run (a count, not a duration: during a burst a page can take seconds). */
  burstRequests: number;
  burstReps: number;
  concurrentSignIns: number;
  /** Sections 5–6: seconds per autocannon run of the decomposition and the peer comparison. */
  peerSeconds: number;
  /**
   * Sections 5–6: interleaved rounds. On a shared two-core machine the rounds can differ by
   * about 25 %, and some targets sit that close to their goal: the median of five is less
   * sensitive to one bad round than the median of three.
   */
  peerReps: number;
  /**
   * Sections 5–6: seconds of unrecorded load on every route of every app before the timed rounds.
   * A route's first seconds under load run at about half its later rate (V8 still compiling its hot
   * code), which the first round would otherwise record, most of all for the route measured first.
   */
  peerWarmupSeconds: number;
  /** Distinct signed-in users of the many-users scenario. */
  peerUsers: number;
  /** A request slower than this counts as a timeout (its latency recorded as the limit). */
  requestTimeoutMs: number;
}

const FULL: Counts = {
  cheapIterations: 20_000,
  costlyIterations: 500,
  reps: 7,
  warmup: 500,
  revokedRows: [1_000, 100_000, 1_000_000],
  revocationIterations: 300,
  revocationReps: 7,
  httpSeconds: 10,
  httpReps: 3,
  connections: 10,
  httpWarmupRequests: 200,
  bcryptCosts: [10, 11, 12],
  bcryptHashes: 5,
  burstRequests: 100,
  burstReps: 3,
  concurrentSignIns: 20,
  peerSeconds: 5,
  peerReps: 5,
  peerWarmupSeconds: 5,
  peerUsers: 1_000,
  requestTimeoutMs: 60_000,
};

const SMOKE: Counts = {
  cheapIterations: 200,
  costlyIterations: 30,
  reps: 3,
  warmup: 20,
  revokedRows: [1_000, 5_000, 20_000],
  revocationIterations: 30,
  revocationReps: 3,
  httpSeconds: 1,
  httpReps: 1,
  connections: 4,
  httpWarmupRequests: 10,
  bcryptCosts: [10, 11, 12],
  bcryptHashes: 1,
  burstRequests: 4,
  burstReps: 1,
  concurrentSignIns: 4,
  peerSeconds: 1,
  peerReps: 1,
  peerWarmupSeconds: 0,
  peerUsers: 20,
  // The smoke run only proves the bench still works; it must finish even on a stalled machine.
  requestTimeoutMs: 10_000,
};

export function parseArgs(argv: string[], defaultOutDir: string): BenchConfig {
  let smoke = false;
  let only: SectionName[] | null = null;
  let outDir = defaultOutDir;
  let distDir = process.env.NEXT_DIST_DIR ?? '.next-bench';
  let port = Number(process.env.BENCH_PORT ?? 3300);
  let appDir: string | null = process.env.BENCH_APP_DIR || null;
  for (const arg of argv) {
    const [flag, value = ''] = arg.split(/=(.*)/s) as [string, string?];
    if (flag === '--smoke') smoke = true;
    else if (flag === '--only') {
      const names = value.split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
      if (!names.length || unknown.length) throw new Error(`--only takes ${SECTIONS.join(', ')} (comma-separated); got "${value}"`);
      only = names as SectionName[];
    } else if (flag === '--out') outDir = value;
    else if (flag === '--dist-dir') distDir = value;
    else if (flag === '--port') port = Number(value);
    else if (flag === '--app-dir') appDir = value;
    else throw new Error(`unknown flag ${arg} (use --smoke, --only=<section>[,…], --out=<dir>, --dist-dir=<dir>, --app-dir=<dir>, --port=<n>)`);
  }
  if (!Number.isInteger(port) || port < 1024) throw new Error(`--port must be a port number, got ${port}`);
  only ??= smoke ? [...SMOKE_SECTIONS] : [...SECTIONS];
  return { smoke, only, outDir, distDir, appDir, port, counts: smoke ? SMOKE : FULL };
}
