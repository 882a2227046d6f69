// Runs bcrypt on worker threads, so that hashing never holds up the event loop.
//
// bcryptjs is pure JavaScript. Its async API only slices a hash into chunks (up to ~100 ms each)
// on the main thread, so twenty sign-ins at once still stall every page on the instance. Here
// each hash runs whole on a worker thread, and the main thread stays free for requests.
// Falls back to bcryptjs's async API where workers cannot start.
import 'server-only';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

// The worker is inline source (not a file) so that no bundler has to know about it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const bcrypt = require(workerData.bcryptPath);
parentPort.on('message', ({ id, op, a, b }) => {
  try {
    const result = op === 'hash' ? bcrypt.hashSync(a, b) : bcrypt.compareSync(a, b);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});`;

type Job = { resolve: (value: string | boolean) => void; reject: (error: Error) => void };

interface PoolWorker {
  worker: Worker;
  inFlight: Map<number, Job>;
}

/** One thread fewer than the cores (at least one, at most four): the main thread keeps a core. */
export const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism() - 1));

let pool: PoolWorker[] | null | undefined;
let nextId = 0;

function startWorker(bcryptPath: string): PoolWorker {
  const entry: PoolWorker = { worker: new Worker(WORKER_SOURCE, { eval: true, workerData: { bcryptPath } }), inFlight: new Map() };
  entry.worker.unref(); // never keep the process alive on its own
  entry.worker.on('message', ({ id, result, error }: { id: number; result?: string | boolean; error?: string }) => {
    const job = entry.inFlight.get(id);
    entry.inFlight.delete(id);
    if (!job) return;
    if (error !== undefined) job.reject(new Error(error));
    else job.resolve(result!);
  });
  // A worker that fails or exits takes its jobs with it: fail them (never leave a sign-in hanging)
  // and put a fresh worker in its place.
  const replace = (error: Error) => {
    for (const job of entry.inFlight.values()) job.reject(error);
    entry.inFlight.clear();
    if (pool?.includes(entry)) pool = pool.filter((p) => p !== entry).concat(startWorker(bcryptPath));
  };
  entry.worker.on('error', replace);
  entry.worker.on('exit', (code) => replace(new Error(`bcrypt worker exited (${code})`)));
  return entry;
}

function workers(): PoolWorker[] | null {
  if (pool !== undefined) return pool;
  try {
    // Resolved at run time from the app's own node_modules (bcryptjs is a server external).
    const bcryptPath = createRequire(join(process.cwd(), 'package.json')).resolve('bcryptjs');
    pool = Array.from({ length: POOL_SIZE }, () => startWorker(bcryptPath));
  } catch (error) {
    console.warn('[bcrypt] worker threads unavailable, hashing on the main thread:', (error as Error).message);
    pool = null;
  }
  return pool;
}

/** Runs one bcrypt operation on the least busy worker; null when there are no workers. */
export function runOnWorker(op: 'hash', a: string, b: number): Promise<string> | null;
export function runOnWorker(op: 'compare', a: string, b: string): Promise<boolean> | null;
export function runOnWorker(op: 'hash' | 'compare', a: string, b: number | string): Promise<string | boolean> | null {
  const available = workers();
  if (!available || available.length === 0) return null;
  const target = available.reduce((best, w) => (w.inFlight.size < best.inFlight.size ? w : best));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    target.inFlight.set(id, { resolve, reject });
    target.worker.postMessage({ id, op, a, b });
  });
}
