// The targets of issue 8, each judged PASS or FAIL against the measured medians.
import { ROUTES, routeId, type CompareSection } from './compare';
import type { CredentialSection } from './credential';
import type { DecomposeSection } from './decompose';
import type { HttpSection } from './http';
import type { RevocationSection } from './revocation';
import { recommendCost, type BcryptCost, type BurstSection } from './signin';

export interface Target {
  section: string;
  name: string;
  measured: string;
  goal: string;
  pass: boolean;
  /** What to change when it fails. */
  note?: string;
}

export interface Results {
  credential?: CredentialSection;
  revocation?: RevocationSection;
  http?: HttpSection;
  signin?: { bcrypt: BcryptCost[]; recommendedCost: number; burst?: BurstSection };
  decompose?: DecomposeSection;
  compare?: CompareSection;
}

const x = (n: number) => `${n.toFixed(2)}x`;

export function judge(results: Results): Target[] {
  const out: Target[] = [];
  const c = results.credential;
  if (c) {
    const repeated = c.cases.verifyRepeated.nsPerOp.median;
    const floor = c.cases.floor.nsPerOp.median;
    out.push({
      section: 'credential',
      name: 'repeated-token verify vs hand-written floor',
      measured: `${Math.round(repeated)} ns vs ${Math.round(floor)} ns = ${x(repeated / floor)}`,
      goal: '<= 2x',
      pass: repeated <= 2 * floor,
    });
    out.push({
      section: 'credential',
      name: 'key imports on the request path',
      measured: `${c.keyImports.measured} in ${c.keyImports.verifications} verifications (${c.keyImports.warmup} at warm-up)`,
      goal: '0 after warm-up',
      pass: c.keyImports.measured === 0,
    });
    out.push({
      section: 'credential',
      name: 'DAL check database round trips',
      measured: String(c.dalRoundTrips.count),
      goal: '<= 1',
      pass: c.dalRoundTrips.count <= 1,
      note:
        c.dalRoundTrips.count > 1
          ? 'lib/auth/session.ts checkAccessToken: Prisma loads the revokedTokens relation in a second SELECT. ' +
            'One $queryRaw with an EXISTS subquery (user row + revoked flag) makes it one statement.'
          : undefined,
    });
    const dal = c.cases.dalCheck.nsPerOp.median;
    const authjs = c.cases.authjsDecode.nsPerOp.median;
    out.push({
      section: 'credential',
      name: 'DAL check vs Auth.js JWT decode',
      measured: `${Math.round(dal / 1000)} µs vs ${Math.round(authjs / 1000)} µs = ${x(dal / authjs)}`,
      goal: '<= 0.5x',
      pass: dal <= 0.5 * authjs,
    });
  }
  const r = results.revocation;
  if (r && r.points.length >= 2) {
    const first = r.points[0]!;
    const last = r.points.at(-1)!;
    const ratio = last.dalCheck.nsPerOp.median / first.dalCheck.nsPerOp.median;
    out.push({
      section: 'revocation',
      name: `revocation check, ${first.rows} -> ${last.rows} rows`,
      measured: `${(first.dalCheck.nsPerOp.median / 1000).toFixed(1)} µs -> ${(last.dalCheck.nsPerOp.median / 1000).toFixed(1)} µs = ${x(ratio)}`,
      goal: '<= 1.2x',
      pass: ratio <= 1.2,
    });
  }
  const h = results.http;
  if (h) {
    for (const pair of h.pairs) {
      out.push({
        section: 'http',
        name: `throughput ${pair.label}`,
        measured: `${Math.round(h.endpoints[pair.protected].requestsPerSec.median)} vs ${Math.round(h.endpoints[pair.baseline].requestsPerSec.median)} req/s = ${(pair.throughputRatio * 100).toFixed(0)}%`,
        goal: '>= 80%',
        pass: pair.throughputRatio >= 0.8,
      });
    }
  }
  const s = results.signin;
  if (s) {
    if (s.burst) {
      out.push({
        section: 'signin',
        name: `/account p99 during ${s.burst.concurrentSignIns} sign-ins vs idle`,
        measured: `${Math.round(s.burst.burst.p99.median)} ms vs ${Math.round(s.burst.idle.p99.median)} ms = ${x(s.burst.p99Ratio)}`,
        goal: '<= 2x',
        pass: s.burst.p99Ratio <= 2,
        note:
          s.burst.p99Ratio > 2
            ? 'Hashes already run on worker threads (lib/auth/accounts/bcrypt-pool.ts), off the event loop: what is left is CPU. ' +
              'The pool takes every core but one, and the load generator shares the machine with the server: compare the load average above with the cores, or measure on more of them.'
            : undefined,
      });
    }
    const chosen = s.bcrypt.find((b) => b.cost === s.recommendedCost);
    out.push({
      section: 'signin',
      name: 'recommended BCRYPT_COST (>= 10, hash nearest the middle of 100-300 ms)',
      measured: `${s.recommendedCost} (${chosen ? Math.round(chosen.ms.median) : '?'} ms/hash)`,
      goal: 'a cost >= 10 within 100-300 ms',
      pass: !!chosen && chosen.cost >= 10 && chosen.ms.median >= 100 && chosen.ms.median <= 300,
    });
  }
  if (results.compare) out.push(...judgeCompare(results.compare));
  return out;
}

/**
 * Issue 18: /api/me and the protected page at least as fast as the fastest peer in both
 * scenarios; /api/health and the catalogue at least 0.9× of it; RSS after load no more than the
 * largest peer's; and our revocation seen by the very next request.
 */
function judgeCompare(c: CompareSection): Target[] {
  const out: Target[] = [];
  const ours = c.apps.ours;
  const peers = Object.entries(c.apps).filter(([key]) => key !== 'ours');
  if (!ours || peers.length === 0) return out;
  for (const r of ROUTES) {
    for (const id of r.signedIn ? [routeId(r.key, 'one'), routeId(r.key, 'many')] : [routeId(r.key)]) {
      const [bestKey, best] = peers
        .map(([key, app]) => [key, app.routes[id]!.requestsPerSec.median] as const)
        .reduce((a, b) => (b[1] > a[1] ? b : a));
      const mine = ours.routes[id]!.requestsPerSec.median;
      const factor = r.signedIn ? 1 : 0.9;
      const scenario = id.endsWith(':many') ? `, ${c.users.toLocaleString('en-US')} users` : id.endsWith(':one') ? ', one user' : '';
      out.push({
        section: 'compare',
        name: `${r.label}${scenario} vs fastest peer (${bestKey})`,
        // Three decimals: 0.8945 must not read as the 0.90 it fails.
        measured: `${Math.round(mine)} vs ${Math.round(best)} req/s = ${(mine / best).toFixed(3)}x`,
        goal: `>= ${factor === 1 ? '1.00' : '0.90'}x`,
        pass: mine >= factor * best,
      });
    }
  }
  const [largestKey, largest] = peers.map(([key, app]) => [key, app.rssAfterMb.median] as const).reduce((a, b) => (b[1] > a[1] ? b : a));
  out.push({
    section: 'compare',
    name: `RSS after load vs largest peer (${largestKey})`,
    measured: `${Math.round(ours.rssAfterMb.median)} MB vs ${Math.round(largest)} MB`,
    goal: '<= largest peer',
    pass: ours.rssAfterMb.median <= largest,
  });
  out.push({
    section: 'compare',
    name: 'revoked credential refused by the next request (ours)',
    measured: String(ours.checks.revoked),
    goal: 'true',
    pass: ours.checks.revoked === true,
  });
  return out;
}

export { recommendCost };
