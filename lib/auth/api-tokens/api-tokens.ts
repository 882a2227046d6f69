// Personal API tokens: scoped access tokens a user creates for a program and can revoke.
// The token string is returned once at creation and never stored; the row keeps what the user
// needs to recognise and manage it (name, scopes, expiry, last use).
import 'server-only';
import { recordAuditEvent } from '@/lib/audit';
import { db } from '@/lib/db';
import { durable } from '@/lib/db/durable';
import { notFound } from '@/lib/errors';
import { isPlainId } from '@/lib/validation/text';
import { assertVerifiedIfRequired } from '../email-flows';
import { revokeApiTokenIn } from '../sign-ins';
import { signToken } from '../tokens';
import type { ApiScope } from '../tokens';
import { uuidv7 } from '../tokens';
import type { ApiTokenJson } from '@/lib/validation/account-responses';

/** A personal API token as the API answers it (its schema is in the OpenAPI document). */
export type ApiTokenSummary = ApiTokenJson;

type Row = { id: string; name: string; scopes: string; createdAt: Date; expiresAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

function summary(row: Row): ApiTokenSummary {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes.split(' ').filter(Boolean) as ApiScope[],
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function createApiToken(input: {
  userId: string;
  name: string;
  scopes: ApiScope[];
  ttlDays: number;
}): Promise<{ token: string; apiToken: ApiTokenSummary }> {
  await assertVerifiedIfRequired(null, input.userId);
  const nowMs = Date.now();
  const id = uuidv7(nowMs);
  const scopes = [...new Set(input.scopes)].sort();
  const ttlSeconds = input.ttlDays * 24 * 3600;
  const { token, claims } = await signToken('access', { sub: input.userId, sid: id, scope: scopes.join(' '), ttlSeconds }, nowMs);
  const row = await durable((tx) => tx.apiToken.create({
    data: {
      id,
      userId: input.userId,
      name: input.name,
      scopes: scopes.join(' '),
      createdAt: new Date(nowMs),
      expiresAt: new Date(claims.exp * 1000),
    },
  }));
  await recordAuditEvent({ userId: input.userId, type: 'api_token_created', detail: `${input.name} (${scopes.join(' ')})` });
  return { token, apiToken: summary(row) };
}

export async function listApiTokens({ userId }: { userId: string }): Promise<ApiTokenSummary[]> {
  const prisma = await db();
  const rows = await prisma.apiToken.findMany({ where: { userId }, orderBy: { createdAt: 'desc' } });
  return rows.map(summary);
}

/**
 * Revokes one of the user's tokens: the next request that presents it is refused. (The same
 * write as signing out with the token as Bearer: revokeApiTokenIn, lib/auth/sign-ins.)
 */
export async function revokeApiToken({ userId, id }: { userId: string; id: string }): Promise<void> {
  // An id no token can have (a NUL, which Postgres refuses) is unknown, as any other.
  if (!isPlainId(id, 100)) throw notFound('No such API token.');
  await durable(async (tx) => {
    if (!(await revokeApiTokenIn(tx, { userId, id }))) throw notFound('No such API token.');
  });
}

const TOUCH_INTERVAL_MS = 60_000;
/** When this process last wrote each token's last use (bounded; the oldest entry goes first). */
const lastTouched = new Map<string, number>();

/**
 * Records use, at most once a minute per token, so that a program's requests do not each become a
 * write. The in-process note skips even the conditional update on the request path; the condition
 * in the database keeps several instances from writing more than that between them.
 */
export async function touchApiToken(id: string, nowMs = Date.now()): Promise<void> {
  const last = lastTouched.get(id);
  if (last !== undefined && nowMs - last < TOUCH_INTERVAL_MS) return;
  if (lastTouched.size >= 10_000) lastTouched.delete(lastTouched.keys().next().value!);
  lastTouched.delete(id);
  lastTouched.set(id, nowMs);
  await durable((tx) => tx.apiToken.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(nowMs - TOUCH_INTERVAL_MS) } }] },
    data: { lastUsedAt: new Date(nowMs) },
  }));
}
