// Section 1: the per-request credential check, side by side in one process.
//   - our verifyToken('access', …): first sight (a fresh token every call) and repeated (memo hit)
//   - the hand-written floor (floor.ts)
//   - Auth.js's JWT session decode (@auth/core/jwt, JWE A256CBC-HS512 with `dir`)
//   - iron-session's unsealData
//   - a database session lookup by primary key through Prisma (findUnique on User by id)
//   - our full DAL check, checkAccessToken(token, 'cookie'), and the SQL statements it sends
import { sealData, unsealData } from 'iron-session';
import { checkAccessToken } from '../lib/auth/session';
import { clearVerifyMemo, signToken, verifyToken } from '../lib/auth/tokens';
import { uuidv7 } from '../lib/auth/tokens';
import { db } from '../lib/db';
import { BENCH_SECRET } from './bench-env';
import type { Counts } from './config';
import { makeFloorVerifier } from './floor';
import { importPeer } from './peer-packages';
import { countKeyImports } from './key-imports';
import { createQueryCounter, swapAppClient } from './query-counter';
import { timeLoop, type OpsResult } from './stats';

export interface CredentialCase extends OpsResult {
  label: string;
}

export interface CredentialSection {
  cases: Record<CaseKey, CredentialCase>;
  keyImports: { warmup: number; measured: number; verifications: number };
  dalRoundTrips: { count: number; statements: string[] };
}

export type CaseKey =
  | 'verifyFirstSight'
  | 'verifyRepeated'
  | 'floor'
  | 'authjsDecode'
  | 'ironUnseal'
  | 'dbSessionLookup'
  | 'dalCheck'
  | 'dalCheckFirstSight';

/** The two functions of @auth/core/jwt the bench calls (the package lives outside node_modules). */
interface AuthjsJwt {
  encode(params: { token: Record<string, unknown>; secret: string; salt: string }): Promise<string>;
  decode(params: { token: string; secret: string; salt: string }): Promise<{ sub?: string } | null>;
}

const AUTHJS_SALT = 'authjs.session-token'; // Auth.js salts its key derivation with the cookie name

/** A user to sign tokens for: created now, "signed out everywhere" an hour ago. */
async function benchUser(): Promise<{ id: string }> {
  const prisma = await db();
  return prisma.user.create({
    data: {
      email: `bench-${uuidv7()}@bench.invalid`,
      name: 'Bench',
      passwordHash: 'x',
      tokensValidAfter: new Date(Date.now() - 3_600_000),
    },
    select: { id: true },
  });
}

export async function accessToken(sub: string): Promise<string> {
  return (await signToken('access', { sub, sid: uuidv7() })).token;
}

export async function runCredential(counts: Counts, databaseUrl: string, log: (line: string) => void): Promise<CredentialSection> {
  const user = await benchUser();
  const token = await accessToken(user.id);
  const cheap = { iterations: counts.cheapIterations, reps: counts.reps, warmup: counts.warmup };
  const costly = { iterations: counts.costlyIterations, reps: counts.reps, warmup: Math.min(counts.warmup, 100) };

  // Fresh tokens for the first-sight cases, signed before the clock starts.
  const freshCount = counts.costlyIterations * counts.reps + costly.warmup;
  const fresh: string[] = [];
  for (let i = 0; i < freshCount; i++) fresh.push(await accessToken(user.id));
  const freshToken = (i: number) => fresh[i < 0 ? freshCount + i : i]!;

  const cases = {} as Record<CaseKey, CredentialCase>;
  const run = async (key: CaseKey, label: string, fn: (i: number) => unknown, options = costly) => {
    cases[key] = { label, ...(await timeLoop(fn, options)) };
    log(`  ${label}: ${Math.round(cases[key].nsPerOp.median)} ns/op`);
  };

  const expectOk = (result: { ok: boolean }) => {
    if (!result.ok) throw new Error('bench token did not verify');
  };

  // Key imports: the first verification of the process may import the key; none after.
  const keyImports = countKeyImports();
  let keyImportResult: CredentialSection['keyImports'];
  try {
    clearVerifyMemo();
    expectOk(await verifyToken('access', token));
    const warmup = keyImports.count;
    keyImports.reset();
    let verifications = 0;
    await run('verifyFirstSight', 'verifyToken, first sight (fresh token)', async (i) => {
      verifications++;
      expectOk(await verifyToken('access', freshToken(i)));
    });
    await run('verifyRepeated', 'verifyToken, repeated token (memo hit)', async () => {
      verifications++;
      expectOk(await verifyToken('access', token));
    }, cheap);
    keyImportResult = { warmup, measured: keyImports.count, verifications };
  } finally {
    keyImports.restore();
  }

  const floor = makeFloorVerifier(BENCH_SECRET);
  await run('floor', 'floor: createHmac + timingSafeEqual + JSON.parse', () => {
    if (!floor(token)) throw new Error('floor rejected the bench token');
  }, cheap);

  const { encode: authjsEncode, decode: authjsDecode } = await importPeer<AuthjsJwt>('@auth/core', '@auth/core/jwt');
  const authjsToken = await authjsEncode({ token: { sub: user.id, name: 'Bench' }, secret: BENCH_SECRET, salt: AUTHJS_SALT });
  await run('authjsDecode', 'Auth.js JWT session decode (JWE dir A256CBC-HS512)', async () => {
    const decoded = await authjsDecode({ token: authjsToken, secret: BENCH_SECRET, salt: AUTHJS_SALT });
    if (decoded?.sub !== user.id) throw new Error('Auth.js decode failed');
  });

  const seal = await sealData({ user: { id: user.id } }, { password: BENCH_SECRET, ttl: 3600 });
  await run('ironUnseal', 'iron-session unsealData', async () => {
    const data = await unsealData<{ user?: { id: string } }>(seal, { password: BENCH_SECRET, ttl: 3600 });
    if (data.user?.id !== user.id) throw new Error('iron-session unseal failed');
  });

  const prisma = await db();
  await run('dbSessionLookup', 'database session: Prisma findUnique by primary key', async () => {
    const row = await prisma.user.findUnique({ where: { id: user.id }, select: { id: true, email: true, name: true } });
    if (!row) throw new Error('session row missing');
  });

  await run('dalCheck', "DAL checkAccessToken(token, 'cookie'), repeated token", async () => {
    if (!(await checkAccessToken(token, 'cookie'))) throw new Error('DAL refused the bench token');
  });
  await run('dalCheckFirstSight', "DAL checkAccessToken, first sight (fresh token)", async (i) => {
    if (!(await checkAccessToken(freshToken(i), 'cookie'))) throw new Error('DAL refused a fresh bench token');
  });

  // Round trips: the statements one DAL check sends, through a counting copy of the app's client.
  const counter = await createQueryCounter(databaseUrl);
  const restore = swapAppClient(counter.client);
  let statements: string[];
  try {
    await checkAccessToken(token, 'cookie'); // warm
    statements = await counter.record(() => checkAccessToken(token, 'cookie'));
  } finally {
    restore();
    await counter.client.$disconnect();
  }
  log(`  DAL check sends ${statements.length} statement(s)`);

  return { cases, keyImports: keyImportResult, dalRoundTrips: { count: statements.length, statements } };
}
