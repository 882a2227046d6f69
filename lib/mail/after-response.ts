// Work that must not hold up (or change) the response, for the mail code: the app's one deferral
// (lib/after-response.ts: next/server's after() during a request, the process's background
// outside one), so tests wait for mail and for the sign-in's deferred work (audit rows, the
// new-browser notice) in one place. This module adds a count of what the mail code deferred.
import 'server-only';
import { afterResponse as deferAfterResponse, settleAfterResponse } from '@/lib/after-response';

let deferredCount = 0;

export function afterResponse(task: () => Promise<unknown>): void {
  deferredCount++;
  deferAfterResponse(task);
}

/** Resolves once every task deferred outside a request has finished (tests, scripts). */
export async function whenAfterResponseIdle(): Promise<void> {
  await settleAfterResponse();
}

/** How many tasks the mail code deferred in this process (tests assert the same work for every caller). */
export function afterResponseCount(): number {
  return deferredCount;
}
