// The plain-text table printed at the end of a run.
import type { CompareSection } from './compare';
import type { DecomposeSection } from './decompose';
import type { Figure } from './figures';
import type { Target } from './targets';

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

function pad(rows: string[][]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  return rows
    .map((r) => r.map((cell, col) => (col === 0 || col === 1 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  '))
    .join('\n');
}

export function renderTable(figures: Figure[], targets: Target[]): string {
  const rows = [['section', 'figure', 'median', 'min–max', 'unit', 'n']];
  for (const f of figures) rows.push([f.section, f.name, fmt(f.median), `${fmt(f.min)}–${fmt(f.max)}`, f.unit, String(f.n)]);
  const targetRows = [['target', 'measured', 'goal', 'result']];
  for (const t of targets) targetRows.push([t.name, t.measured, t.goal, t.pass ? 'PASS' : 'FAIL']);
  const notes = targets.filter((t) => !t.pass && t.note).map((t) => `  FAIL ${t.name}: ${t.note}`);
  return [pad(rows), '', pad(targetRows), ...(notes.length ? ['', ...notes] : [])].join('\n');
}

/** The peers table: one row per route and scenario, one column per app, req/s (p50/p99). */
export function renderCompare(c: CompareSection): string {
  const apps = Object.entries(c.apps);
  const rows = [['route, req/s median (min–max) · p50/p99 ms', ...apps.map(([key]) => key)]];
  for (const id of Object.keys(apps[0]?.[1].routes ?? {})) {
    const label = id.replace(':one', ', one user').replace(':many', `, ${c.users} users`);
    rows.push([label, ...apps.map(([, app]) => {
      const r = app.routes[id]!;
      return `${fmt(r.requestsPerSec.median)} (${fmt(r.requestsPerSec.min)}–${fmt(r.requestsPerSec.max)}) · ${fmt(r.p50.median)}/${fmt(r.p99.median)}`;
    })]);
  }
  rows.push(['RSS idle / after load, MB', ...apps.map(([, app]) => `${fmt(app.rssIdleMb)} / ${fmt(app.rssAfterMb.median)} (${fmt(app.rssAfterMb.min)}–${fmt(app.rssAfterMb.max)})`)]);
  rows.push(['refuses missing / tampered / revoked', ...apps.map(([, app]) => `${app.checks.missing} / ${app.checks.tampered} / ${app.checks.revoked ?? 'n/a'}`)]);
  return pad(rows);
}

/** Our cost step by step: req/s and the time each step adds per request at that rate. */
export function renderDecompose(d: DecomposeSection): string {
  const rows = [['step', 'req/s median (min–max)', 'ms/request', 'adds ms']];
  let previous: number | null = null;
  let kind = '';
  for (const st of d.steps) {
    if (st.kind !== kind) previous = null;
    kind = st.kind;
    const ms = 1000 / st.requestsPerSec.median;
    rows.push([`${st.kind}: ${st.label}`, `${fmt(st.requestsPerSec.median)} (${fmt(st.requestsPerSec.min)}–${fmt(st.requestsPerSec.max)})`, ms.toFixed(2), previous === null ? '' : (ms - previous).toFixed(2)]);
    previous = ms;
  }
  return pad(rows);
}
