// The plain-text table printed at the end of a run.
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
