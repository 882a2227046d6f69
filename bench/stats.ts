// Timing and summary statistics. The machine is shared and noisy: every figure is the median of
// several repetitions, reported with its min–max.

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** The repetitions the summary was taken over. */
  n: number;
}

export function summarize(values: number[]): Summary {
  if (values.length === 0) throw new Error('summarize: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, n: sorted.length };
}

export interface OpsResult {
  nsPerOp: Summary;
  opsPerSec: Summary;
}

export interface LoopOptions {
  /** Calls per repetition. */
  iterations: number;
  /** Timed repetitions (the median is reported). */
  reps: number;
  /** Untimed calls first (JIT, caches, first key import). */
  warmup: number;
}

/**
 * Times `fn(i)` called `iterations` times in a row, awaiting each call when it returns a promise
 * (sync functions are timed without the cost of an await). `i` counts across repetitions, so a
 * caller can hand every call a fresh input.
 */
export async function timeLoop(fn: (i: number) => unknown, options: LoopOptions): Promise<OpsResult> {
  let i = 0;
  for (let w = 0; w < options.warmup; w++) await fn(-1 - w);
  const ns: number[] = [];
  for (let r = 0; r < options.reps; r++) {
    const start = process.hrtime.bigint();
    for (let k = 0; k < options.iterations; k++) {
      const out = fn(i++);
      if (out instanceof Promise) await out;
    }
    ns.push(Number(process.hrtime.bigint() - start) / options.iterations);
  }
  return { nsPerOp: summarize(ns), opsPerSec: summarize(ns.map((n) => 1e9 / n)) };
}

/** Wall time of one async call, in milliseconds. */
export async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
