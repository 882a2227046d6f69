// Recovery codes of the second step: 10 random codes shown once, stored as SHA-256 hashes, each
// usable once. Making new ones kills the old set. (80 random bits each, so a fast hash is enough:
// nobody can guess one from its hash, unlike a password.)
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { Prisma } from '@/lib/generated/sqlite/client';
import { db } from '@/lib/db';
import { RECOVERY_CODE_COUNT } from '@/lib/validation/strong-sign-in';

export { RECOVERY_CODE_COUNT };

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** `xxxxx-xxxxx` from an alphabet without look-alikes (no i, l, o, 0, 1). */
function newCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]!);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}

type Tx = Pick<Prisma.TransactionClient, 'recoveryCode'>;

/** A fresh set of codes (returned in clear once); the old set dies in the same transaction. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ hash: hashRecoveryCode(code), userId })) });
  return codes;
}

/** Uses up one code: true only for an unused code of this user (a conditional update, race-free). */
export async function spendRecoveryCode(userId: string, code: string, nowMs = Date.now()): Promise<boolean> {
  const prisma = await db();
  const { count } = await prisma.recoveryCode.updateMany({
    where: { hash: hashRecoveryCode(code), userId, usedAt: null },
    data: { usedAt: new Date(nowMs) },
  });
  return count === 1;
}

export async function recoveryCodesLeft(userId: string): Promise<number> {
  const prisma = await db();
  return prisma.recoveryCode.count({ where: { userId, usedAt: null } });
}
