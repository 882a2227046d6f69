// Work that must happen, but not before the answer: Next's after() runs it once the response has
// been sent. Used where writing first would make one answer slower than another (a failed
// sign-in's audit row exists only for known addresses: written before the answer, it made
// "wrong password" 1–2 ms slower than "unknown address").
//
// Outside a request (a script, an integration test calling a handler directly) after() is not
// available: the task is queued and run on the next turn of the event loop instead, and
// settleAfterResponse() waits for what is queued.
import 'server-only';
import { after } from 'next/server';

const pending = new Set<Promise<void>>();
let queued = 0;

export function afterResponse(task: () => Promise<unknown>): void {
  const run = () =>
    task().then(
      () => undefined,
      (error: unknown) => console.error('[after] a deferred task failed:', error),
    );
  try {
    after(run);
  } catch {
    queued += 1;
    const task = new Promise<void>((resolve) => setImmediate(resolve)).then(run);
    pending.add(task);
    void task.finally(() => pending.delete(task));
  }
}

/**
 * How many tasks were ever queued outside a request. (A queued task may already have finished by
 * the time a caller looks: a slow await after queueing it, a database round trip, gives it time.)
 */
export function queuedAfterResponse(): number {
  return queued;
}

/** Tasks queued outside a request and not yet finished. */
export function pendingAfterResponse(): number {
  return pending.size;
}

/** Waits for every task queued outside a request. */
export async function settleAfterResponse(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}
