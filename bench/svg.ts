// bench/results.svg, written by hand: one panel per comparison, one horizontal bar per figure
// (the median), a thin whisker for min–max, the value printed at the end of the bar.
import type { Results } from './targets';

interface Bar {
  label: string;
  median: number;
  min: number;
  max: number;
  text: string;
}

interface Panel {
  title: string;
  bars: Bar[];
  log?: boolean;
  /** A dashed reference line (e.g. the 300 ms bcrypt budget). */
  reference?: { value: number; label: string };
}

const WIDTH = 980;
const LABEL_W = 360;
const BAR_X = LABEL_W + 20;
const BAR_W = 440;
const ROW_H = 26;
const PALETTE = ['#2563eb', '#16a34a', '#dc2626', '#9333ea', '#ea580c', '#0891b2', '#4d7c0f', '#be185d'];

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function num(n: number, unit: string): string {
  const v = n >= 100 ? Math.round(n).toLocaleString('en-US') : n >= 10 ? n.toFixed(1) : n.toFixed(2);
  return `${v} ${unit}`;
}

function panels(r: Results): Panel[] {
  const out: Panel[] = [];
  if (r.credential) {
    out.push({
      title: 'Per-request credential check: ns per call (log scale; shorter is faster)',
      log: true,
      bars: Object.values(r.credential.cases).map((c) => ({ label: c.label, ...c.nsPerOp, text: num(c.nsPerOp.median, 'ns') })),
    });
  }
  if (r.revocation) {
    out.push({
      title: 'Revocation check as RevokedToken grows: µs per DAL check',
      bars: r.revocation.points.map((p) => ({
        label: `${p.rows.toLocaleString('en-US')} revoked rows`,
        median: p.dalCheck.nsPerOp.median / 1000,
        min: p.dalCheck.nsPerOp.min / 1000,
        max: p.dalCheck.nsPerOp.max / 1000,
        text: num(p.dalCheck.nsPerOp.median / 1000, 'µs'),
      })),
    });
  }
  if (r.http) {
    const order = ['health', 'meCookie', 'meBearer', 'home', 'account'] as const;
    out.push({
      title: `HTTP throughput, next start, ${r.http.connections} connections: requests/s (longer is better)`,
      bars: order.map((k) => r.http!.endpoints[k]).map((e) => ({ label: e.label, ...e.requestsPerSec, text: num(e.requestsPerSec.median, 'req/s') })),
    });
    out.push({
      title: 'HTTP latency p99: ms (shorter is better)',
      bars: order.map((k) => r.http!.endpoints[k]).map((e) => ({ label: e.label, ...e.p99, text: num(e.p99.median, 'ms') })),
    });
  }
  if (r.signin) {
    out.push({
      title: 'bcryptjs: ms per hash by cost (dashed: 300 ms budget)',
      reference: { value: 300, label: '300 ms' },
      bars: r.signin.bcrypt.map((b) => ({ label: `cost ${b.cost}`, ...b.ms, text: num(b.ms.median, 'ms') })),
    });
    const burst = r.signin.burst;
    if (burst) {
      out.push({
        title: `/account p99 while ${burst.concurrentSignIns} sign-ins run at once (BCRYPT_COST=${burst.serverBcryptCost})`,
        bars: [
          { label: '/account p99, idle', ...burst.idle.p99, text: num(burst.idle.p99.median, 'ms') },
          { label: `/account p99, ${burst.concurrentSignIns} sign-ins at once`, ...burst.burst.p99, text: num(burst.burst.p99.median, 'ms') },
        ],
      });
    }
  }
  if (r.decompose) {
    for (const kind of ['api', 'page'] as const) {
      out.push({
        title: `Our ${kind === 'api' ? 'API route' : 'page'}, step by step: requests/s (longer is better)`,
        bars: r.decompose.steps.filter((st) => st.kind === kind).map((st) => ({ label: st.label, ...st.requestsPerSec, text: num(st.requestsPerSec.median, 'req/s') })),
      });
    }
  }
  if (r.compare) {
    const apps = Object.entries(r.compare.apps);
    for (const id of Object.keys(apps[0]?.[1].routes ?? {})) {
      out.push({
        title: `Side by side: ${id.replace(':one', ', one user').replace(':many', `, ${r.compare.users} users`)}: requests/s`,
        bars: apps.map(([key, app]) => ({ label: key, ...app.routes[id]!.requestsPerSec, text: num(app.routes[id]!.requestsPerSec.median, 'req/s') })),
      });
    }
    out.push({
      title: 'Side by side: RSS after load, MB (shorter is better)',
      bars: apps.map(([key, app]) => ({ label: key, ...app.rssAfterMb, text: num(app.rssAfterMb.median, 'MB') })),
    });
  }
  return out;
}

export function renderSvg(results: Results, subtitle: string): string {
  const parts: string[] = [];
  let y = 76;
  panels(results).forEach((panel) => {
    const top = Math.max(...panel.bars.map((b) => b.max), panel.reference?.value ?? 0);
    const bottom = Math.min(...panel.bars.map((b) => b.min));
    const lo = panel.log ? Math.pow(10, Math.floor(Math.log10(Math.max(bottom, 1e-9)))) : 0;
    const scale = (v: number) => {
      if (!(v > 0)) return 0;
      if (panel.log) return (BAR_W * (Math.log10(v) - Math.log10(lo))) / (Math.log10(top) - Math.log10(lo) || 1);
      return (BAR_W * v) / (top || 1);
    };
    parts.push(`<text x="20" y="${y}" class="title">${esc(panel.title)}</text>`);
    y += 14;
    panel.bars.forEach((bar, i) => {
      const cy = y + i * ROW_H;
      const w = Math.max(scale(bar.median), 1);
      parts.push(
        `<text x="${LABEL_W}" y="${cy + 16}" class="label" text-anchor="end">${esc(bar.label)}</text>`,
        `<rect x="${BAR_X}" y="${cy + 4}" width="${w.toFixed(1)}" height="16" rx="2" fill="${PALETTE[i % PALETTE.length]}"><title>${esc(`${bar.label}: ${bar.text} (min ${bar.min.toPrecision(4)}, max ${bar.max.toPrecision(4)})`)}</title></rect>`,
        `<line x1="${(BAR_X + scale(bar.min)).toFixed(1)}" x2="${(BAR_X + scale(bar.max)).toFixed(1)}" y1="${cy + 12}" y2="${cy + 12}" class="whisker"/>`,
        `<text x="${(BAR_X + Math.max(w, scale(bar.max)) + 8).toFixed(1)}" y="${cy + 16}" class="value">${esc(bar.text)}</text>`,
      );
    });
    if (panel.reference) {
      const rx = BAR_X + scale(panel.reference.value);
      const bottomY = y + panel.bars.length * ROW_H;
      parts.push(
        `<line x1="${rx.toFixed(1)}" x2="${rx.toFixed(1)}" y1="${y}" y2="${bottomY}" class="reference"/>`,
        `<text x="${(rx + 4).toFixed(1)}" y="${bottomY + 12}" class="note">${esc(panel.reference.label)}</text>`,
      );
    }
    y += panel.bars.length * ROW_H + 34;
  });
  const height = y;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="t">
<title id="t">jwt-cookie-shop benchmark</title>
<style>
  text { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; fill: #111827; }
  .h1 { font-size: 18px; font-weight: 700; }
  .sub { font-size: 12px; fill: #4b5563; }
  .title { font-size: 14px; font-weight: 600; }
  .label { font-size: 12px; }
  .value { font-size: 12px; font-variant-numeric: tabular-nums; }
  .note { font-size: 11px; fill: #4b5563; }
  .whisker { stroke: #111827; stroke-width: 1.5; }
  .reference { stroke: #6b7280; stroke-width: 1; stroke-dasharray: 4 3; }
</style>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="20" y="26" class="h1">jwt-cookie-shop: cost of the credential check</text>
<text x="20" y="44" class="sub">${esc(subtitle)}</text>
${parts.join('\n')}
</svg>
`;
}
