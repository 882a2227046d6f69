// Password hashing with bcryptjs, on worker threads (lib/auth/bcrypt-pool.ts): a hash costs
// ~100–300 ms of CPU by design, and must not stall other requests on the instance.
import 'server-only';
import bcrypt from 'bcryptjs';
import { env } from '@/lib/env';
import { runOnWorker } from './bcrypt-pool';

export function hashPassword(password: string): Promise<string> {
  const cost = env().BCRYPT_COST;
  return runOnWorker('hash', password, cost) ?? bcrypt.hash(password, cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return runOnWorker('compare', password, hash) ?? bcrypt.compare(password, hash);
}

let dummyHash: Promise<string> | undefined;

/**
 * Compares against a hash of the configured cost when the email is unknown, so that an unknown
 * email costs the same time as a wrong password and the two cannot be told apart.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-' + crypto.randomUUID());
  await verifyPassword(password, await dummyHash);
  return false;
}
