// Flattens the results into one row per measured figure: what the table prints, what the
// smoke test checks (every value a finite positive number) and what the chart draws.
import type { Summary } from './stats';
import type { Results } from './targets';

export interface Figure {
  section: string;
  name: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  /** Repetitions behind the median. */
  n: number;
}

function fig(section: string, name: string, unit: string, s: Summary): Figure {
  return { section, name, unit, median: s.median, min: s.min, max: s.max, n: s.n };
}

export function figures(results: Results): Figure[] {
  const out: Figure[] = [];
  if (results.credential) {
    for (const c of Object.values(results.credential.cases)) {
      out.push(fig('credential', c.label, 'ns/op', c.nsPerOp));
      out.push(fig('credential', c.label, 'ops/s', c.opsPerSec));
    }
  }
  if (results.revocation) {
    for (const p of results.revocation.points) {
      out.push(fig('revocation', `DAL check, ${p.rows} revoked rows`, 'ns/op', p.dalCheck.nsPerOp));
      out.push(fig('revocation', `revocation lookup, ${p.rows} revoked rows`, 'ns/op', p.revocationLookup.nsPerOp));
    }
  }
  if (results.http) {
    for (const e of Object.values(results.http.endpoints)) {
      out.push(fig('http', e.label, 'req/s', e.requestsPerSec));
      out.push(fig('http', `${e.label} p50`, 'ms', e.p50));
      out.push(fig('http', `${e.label} p99`, 'ms', e.p99));
    }
  }
  if (results.signin) {
    for (const b of results.signin.bcrypt) out.push(fig('signin', `bcryptjs hash, cost ${b.cost}`, 'ms', b.ms));
    const burst = results.signin.burst;
    if (burst) {
      out.push(fig('signin', '/account p99, idle', 'ms', burst.idle.p99));
      out.push(fig('signin', `/account p99, ${burst.concurrentSignIns} sign-ins at once`, 'ms', burst.burst.p99));
      out.push(fig('signin', '/account req/s, idle', 'req/s', burst.idle.requestsPerSec));
      out.push(fig('signin', `/account req/s, ${burst.concurrentSignIns} sign-ins at once`, 'req/s', burst.burst.requestsPerSec));
      out.push(fig('signin', `sign-in latency during the burst (cost ${burst.serverBcryptCost})`, 'ms', burst.burst.signInMs));
    }
  }
  if (results.decompose) {
    for (const st of results.decompose.steps) out.push(fig('decompose', `${st.kind}: ${st.label}`, 'req/s', st.requestsPerSec));
  }
  if (results.compare) {
    for (const [key, app] of Object.entries(results.compare.apps)) {
      for (const [route, r] of Object.entries(app.routes)) {
        out.push(fig('compare', `${key} ${route}`, 'req/s', r.requestsPerSec));
        out.push(fig('compare', `${key} ${route} p50`, 'ms', r.p50));
        out.push(fig('compare', `${key} ${route} p99`, 'ms', r.p99));
      }
      const one = (v: number) => ({ median: v, min: v, max: v, n: 1 });
      out.push(fig('compare', `${key} RSS idle`, 'MB', one(app.rssIdleMb)));
      out.push(fig('compare', `${key} RSS after load`, 'MB', app.rssAfterMb));
    }
  }
  return out;
}
