// Password hashing with bcryptjs, on worker threads (lib/auth/accounts/bcrypt-pool.ts): a hash costs
// ~100–300 ms of CPU by design, and must not stall other requests on the instance.
import 'server-only';
//
// The queue is bounded (load shedding): with POOL_SIZE hashes running and BCRYPT_QUEUE_MAX more
// waiting, the next sign-in or sign-up is answered 503 with Retry-After at once instead of adding
// seconds of CPU work behind everyone else. This protects every user, whether or not the client
// address is known (without TRUST_PROXY there is no per-address sign-up limit).
import bcrypt from 'bcryptjs';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { POOL_SIZE, runOnWorker } from './bcrypt-pool';

let inFlight = 0;

export const hashingBusy = (retryAfterSeconds: number) =>
  new AppError(503, 'busy', 'We are signing a lot of people in right now. Please try again in a few seconds.', undefined, {
    'Retry-After': String(retryAfterSeconds),
  });

/** Runs one bcrypt job if the queue has room; else 503 with a Retry-After of the queue's length. */
async function bounded<T>(job: () => Promise<T>): Promise<T> {
  const limit = POOL_SIZE + env().BCRYPT_QUEUE_MAX;
  if (inFlight >= limit) {
    // Roughly how long the queue ahead takes to drain at ~150 ms a hash per worker (at least 1 s).
    throw hashingBusy(Math.max(1, Math.ceil((inFlight / POOL_SIZE) * 0.15)));
  }
  inFlight++;
  try {
    return await job();
  } finally {
    inFlight--;
  }
}

export function hashPassword(password: string): Promise<string> {
  const cost = env().BCRYPT_COST;
  return bounded(() => runOnWorker('hash', password, cost) ?? bcrypt.hash(password, cost));
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bounded(() => runOnWorker('compare', password, hash) ?? bcrypt.compare(password, hash));
}

let dummyHash: Promise<string> | undefined;

/**
 * Compares against a hash of the configured cost when the email is unknown, so that an unknown
 * email costs the same time as a wrong password and the two cannot be told apart.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-' + crypto.randomUUID()).catch((error: unknown) => {
    dummyHash = undefined; // a busy queue must not poison every later unknown-address check
    throw error;
  });
  await verifyPassword(password, await dummyHash);
  return false;
}
