// Section 2: the cost of the revocation check as RevokedToken grows (1k, 100k, 1M rows).
// Rows are still in force (not yet purgeable) and spread over 100 users, the bench user among
// them, so its own index range grows too. Measured: the full DAL check on a memoised token (so
// the time is the database query) and the bare revocation lookup by jti/sid.
import { checkAccessToken } from '../lib/auth/session';
import { signToken } from '../lib/auth/tokens';
import { uuidv7 } from '../lib/auth/tokens';
import { db } from '../lib/db';
import type { Counts } from './config';
import { countRows, insertRevokedTokens, insertUsers } from './db';
import { timeLoop, type OpsResult } from './stats';

export interface RevocationPoint {
  rows: number;
  dalCheck: OpsResult;
  revocationLookup: OpsResult;
}

export interface RevocationSection {
  points: RevocationPoint[];
}

export async function runRevocation(counts: Counts, databaseUrl: string, log: (line: string) => void): Promise<RevocationSection> {
  const prisma = await db();
  const user = await prisma.user.create({
    data: { email: `bench-rev-${uuidv7()}@bench.invalid`, name: 'Bench', passwordHash: 'x', tokensValidAfter: new Date(Date.now() - 3_600_000) },
    select: { id: true },
  });
  const owners = [user.id, ...insertUsers(databaseUrl, 99).map((u) => u.id)];
  const { token, claims } = await signToken('access', { sub: user.id, sid: uuidv7() });
  const options = { iterations: counts.revocationIterations, reps: counts.revocationReps, warmup: Math.min(counts.warmup, 200) };

  const points: RevocationPoint[] = [];
  let present = countRows(databaseUrl, 'RevokedToken');
  for (const target of counts.revokedRows) {
    const started = Date.now();
    insertRevokedTokens(databaseUrl, target - present, owners);
    present = countRows(databaseUrl, 'RevokedToken');
    log(`  RevokedToken: ${present} rows (inserted in ${Date.now() - started} ms)`);
    await prisma.$queryRawUnsafe('ANALYZE'); // what a long-running database has; keeps plans honest

    const dalCheck = await timeLoop(async () => {
      if (!(await checkAccessToken(token, 'cookie'))) throw new Error('DAL refused the bench token');
    }, options);
    const revocationLookup = await timeLoop(async () => {
      const row = await prisma.revokedToken.findFirst({ where: { jti: { in: [claims.jti, claims.sid] } }, select: { jti: true } });
      if (row) throw new Error('bench token unexpectedly revoked');
    }, options);
    log(`    DAL ${Math.round(dalCheck.nsPerOp.median / 1000)} µs, lookup ${Math.round(revocationLookup.nsPerOp.median / 1000)} µs`);
    points.push({ rows: present, dalCheck, revocationLookup });
  }
  return { points };
}
