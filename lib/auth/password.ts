// Password hashing with bcryptjs. Async only: the sync API would block the event loop for the
// whole hash (~100+ ms) and stall every other request on the instance.
import 'server-only';
import bcrypt from 'bcryptjs';
import { env } from '@/lib/env';

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, env().BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let dummyHash: Promise<string> | undefined;

/**
 * Compares against a hash of the configured cost when the email is unknown, so that an unknown
 * email costs the same time as a wrong password and the two cannot be told apart.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= bcrypt.hash('not-a-real-password-' + crypto.randomUUID(), env().BCRYPT_COST);
  await bcrypt.compare(password, await dummyHash);
  return false;
}
