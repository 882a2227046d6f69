// Recovery codes of the second step: 10 random codes shown once, each usable once. Making new ones
// kills the old set.
//
// A code is 80 random bits (randomBytes(10), no modulo bias: every 5 bits are one character of a
// 32-letter alphabet), shown as 16 characters in groups of four: `xxxx-xxxx-xxxx-xxxx`. Typed
// back, case, spaces and dashes do not matter, and the look-alikes o, i and l read as 0, 1 and 1.
//
// Stored as SHA-256 over the user's id and the code. A fast hash is enough: 80 random bits cannot
// be searched from a stolen database (unlike a password), and the user's id keeps one search from
// serving every account and the same code of two users from sharing a row. No key from
// AUTH_SECRET: rotating it must not end every recovery code, and it would add nothing here.
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { Prisma } from '@/lib/generated/sqlite/client';
import { db } from '@/lib/db';
import { RECOVERY_CODE_COUNT } from '@/lib/validation/strong-sign-in';

export { RECOVERY_CODE_COUNT };

/** Crockford's base32, lower case: no i, l, o or u (typed back, o/i/l are read as 0/1/1). */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const CODE_BYTES = 10;
/** The stored form of a code (`v2.` + hex SHA-256 of the user and the code); rows without it are the old hashes. */
const HASH_PREFIX = 'v2.';

/** 80 random bits as 16 base32 characters: `xxxx-xxxx-xxxx-xxxx`. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(CODE_BYTES);
  let chars = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      chars += ALPHABET[(buffer >> bits) & 31];
    }
  }
  return [0, 4, 8, 12].map((at) => chars.slice(at, at + 4)).join('-');
}

/** Case, spaces and dashes do not matter when a code is typed back; o, i and l read as 0, 1, 1. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0').replace(/[il]/g, '1');
}

/** What is stored for a user's code: SHA-256 of the user's id and the normalised code. */
export function hashRecoveryCode(userId: string, code: string): string {
  return HASH_PREFIX + createHash('sha256').update(`${userId}\0${normaliseRecoveryCode(code)}`).digest('hex');
}

/**
 * Codes made before this format (10 characters, no i, l, o, 0 or 1) were stored as a plain SHA-256
 * of the lower-cased code without dashes, and such rows may still be in use: a row cannot be
 * rewritten without its code. So a typed code that could be an old one is also looked up by its
 * old hash. Making new codes replaces them with the keyed form.
 */
function legacyHash(code: string): string | null {
  const old = code.toLowerCase().replace(/[\s-]/g, '');
  return /^[a-hjkmnp-z2-9]{10}$/.test(old) ? createHash('sha256').update(old).digest('hex') : null;
}

type Tx = Pick<Prisma.TransactionClient, 'recoveryCode'>;

/** A fresh set of codes (returned in clear once); the old set dies in the same transaction. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ hash: hashRecoveryCode(userId, code), userId })) });
  return codes;
}

/** The stored hashes a typed code may have: this format's, and the old one for an old-format code. */
function candidateHashes(userId: string, code: string): string[] {
  const legacy = legacyHash(code);
  return legacy ? [hashRecoveryCode(userId, code), legacy] : [hashRecoveryCode(userId, code)];
}

/** Uses up one code: true only for an unused code of this user (a conditional update, race-free). */
export async function spendRecoveryCode(userId: string, code: string, nowMs = Date.now()): Promise<boolean> {
  const prisma = await db();
  const { count } = await prisma.recoveryCode.updateMany({
    where: { hash: { in: candidateHashes(userId, code) }, userId, usedAt: null },
    data: { usedAt: new Date(nowMs) },
  });
  return count === 1;
}

/** Gives back a code spendRecoveryCode used at `nowMs` when the sign-in it was for lost a race. */
export async function restoreRecoveryCode(userId: string, code: string, nowMs: number): Promise<void> {
  const prisma = await db();
  await prisma.recoveryCode.updateMany({ where: { hash: { in: candidateHashes(userId, code) }, userId, usedAt: new Date(nowMs) }, data: { usedAt: null } });
}

export async function recoveryCodesLeft(userId: string): Promise<number> {
  const prisma = await db();
  return prisma.recoveryCode.count({ where: { userId, usedAt: null } });
}
