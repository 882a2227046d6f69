// Work that must not hold up (or change) the response: next/server's after() when a request is
// running, so the platform keeps the function alive until the work ends (Vercel's waitUntil).
// Outside a request (a timer, a script, a test calling a handler directly) after() throws, and
// the work runs in the background of this process instead; tests wait for it with
// whenAfterResponseIdle().
import 'server-only';
import { after } from 'next/server';

const pending = new Set<Promise<unknown>>();
let deferredCount = 0;

export function afterResponse(task: () => Promise<unknown>): void {
  deferredCount++;
  const run = () =>
    task().catch((error: unknown) => {
      console.error('[after-response] task failed:', error);
    });
  try {
    after(run);
  } catch {
    const promise = Promise.resolve().then(run);
    pending.add(promise);
    void promise.finally(() => pending.delete(promise));
  }
}

/** Resolves once every task deferred outside a request has finished (tests, scripts). */
export async function whenAfterResponseIdle(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}

/** How many tasks were deferred in this process (tests assert the same work for every caller). */
export function afterResponseCount(): number {
  return deferredCount;
}
