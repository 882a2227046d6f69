// One-time tokens for the links in mail (verify the address, reset the password, confirm a new
// address): 32 random bytes, of which only the SHA-256 is stored, bound to a purpose and a user,
// short-lived, used once. Using one is a conditional update (unused, unexpired, this purpose),
// so two requests racing with the same link cannot both succeed. A GET never uses one up: the
// link opens a page whose button POSTs it (mail scanners follow links).
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/sqlite/client';

type Tx = Prisma.TransactionClient;

export const TOKEN_LIFETIMES_MS = {
  verify_email: 24 * 3600 * 1000,
  change_email: 24 * 3600 * 1000,
  reset_password: 30 * 60 * 1000,
} as const;
export type TokenPurpose = keyof typeof TOKEN_LIFETIMES_MS;

/** 32 bytes in base64url: 43 characters. Anything else is refused before the database. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashOneTimeToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Creates a token and returns it (the only time it exists in clear). A new reset or change-of-
 * address token voids the older ones of the same purpose: only the latest link works.
 */
export async function issueOneTimeToken(
  tx: Tx,
  input: { userId: string; purpose: TokenPurpose; newEmail?: string },
  nowMs = Date.now(),
): Promise<string> {
  if (input.purpose !== 'verify_email') await voidOneTimeTokens(tx, { userId: input.userId, purpose: input.purpose }, nowMs);
  const token = randomBytes(32).toString('base64url');
  await tx.oneTimeToken.create({
    data: {
      hash: hashOneTimeToken(token),
      userId: input.userId,
      purpose: input.purpose,
      newEmail: input.newEmail ?? null,
      createdAt: new Date(nowMs),
      expiresAt: new Date(nowMs + TOKEN_LIFETIMES_MS[input.purpose]),
    },
  });
  return token;
}

/**
 * Every unused token of this purpose (or these purposes) stops working. A reset, change or set of
 * the password voids the reset and change-of-address links, sign-out everywhere the change-of-
 * address ones, and a confirmed change of address the reset links mailed to the old address.
 */
export async function voidOneTimeTokens(
  tx: Tx,
  input: { userId: string; purpose: TokenPurpose | readonly TokenPurpose[] },
  nowMs = Date.now(),
): Promise<number> {
  const purposes: readonly TokenPurpose[] = typeof input.purpose === 'string' ? [input.purpose] : input.purpose;
  const { count } = await tx.oneTimeToken.updateMany({
    where: { userId: input.userId, purpose: { in: [...purposes] }, usedAt: null },
    data: { usedAt: new Date(nowMs) },
  });
  return count;
}

export interface UsedToken {
  userId: string;
  purpose: TokenPurpose;
  newEmail: string | null;
}

/** Uses a token up, inside the caller's transaction; null when it is unknown, used, expired or for another purpose. */
export async function consumeOneTimeToken(
  tx: Tx,
  input: { token: string; purposes: readonly TokenPurpose[] },
  nowMs = Date.now(),
): Promise<UsedToken | null> {
  if (!TOKEN_SHAPE.test(input.token)) return null;
  const hash = hashOneTimeToken(input.token);
  const now = new Date(nowMs);
  const { count } = await tx.oneTimeToken.updateMany({
    where: { hash, purpose: { in: [...input.purposes] }, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) return null;
  const row = await tx.oneTimeToken.findUniqueOrThrow({ where: { hash }, select: { userId: true, purpose: true, newEmail: true } });
  return { userId: row.userId, purpose: row.purpose as TokenPurpose, newEmail: row.newEmail };
}

/** Whether a link is still good, without using it (the page a link opens says so up front). */
export async function peekOneTimeToken(input: { token: string; purposes: readonly TokenPurpose[] }, nowMs = Date.now()): Promise<TokenPurpose | null> {
  if (!TOKEN_SHAPE.test(input.token)) return null;
  const prisma = await db();
  const row = await prisma.oneTimeToken.findUnique({ where: { hash: hashOneTimeToken(input.token) }, select: { purpose: true, usedAt: true, expiresAt: true } });
  if (!row || row.usedAt || row.expiresAt.getTime() <= nowMs || !input.purposes.includes(row.purpose as TokenPurpose)) return null;
  return row.purpose as TokenPurpose;
}

/** The purge route: used or expired tokens are no use to anyone. */
export async function purgeOneTimeTokens(nowMs = Date.now()): Promise<number> {
  const prisma = await db();
  const { count } = await prisma.oneTimeToken.deleteMany({ where: { OR: [{ usedAt: { not: null } }, { expiresAt: { lt: new Date(nowMs) } }] } });
  return count;
}
