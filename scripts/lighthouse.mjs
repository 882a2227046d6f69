#!/usr/bin/env node
// `npm run lighthouse`: Lighthouse (mobile and desktop presets) over the pages people land on:
// /, a product, /login, /learn, /account (signed in) and /cart (signed in, with items).
//
//   1. Lighthouse 12.2.3 is not a project dependency (13 needs Node 22): it is installed on first
//      use into .cache/lighthouse and reused.
//   2. Starts the production build (`npm run build` first) on LIGHTHOUSE_PORT (default 3103) with a
//      fresh seeded SQLite file, through e2e/support/start-server.ts, the same way the browser
//      tests do; signs a user up through the JSON API and puts two items in the cart; the signed-in
//      pages get that user's cookies as an extra header. Each page is then fetched twice before
//      Lighthouse sees it: a route's first render after the server starts loads its modules
//      (200-300 ms more to the first byte), a one-off that a running server has long paid.
//   3. Runs Chromium (CHROME_PATH, default /usr/bin/chromium) headless: per page, the mobile preset
//      LIGHTHOUSE_RUNS times (default 3; the table shows the median run, by performance, and every
//      run's score) and the desktop preset once (it does not slow the CPU, and scores 100 with
//      little spread). Each row records Lighthouse's benchmarkIndex of this machine: the mobile
//      preset slows the CPU 4x, which is the phone Lighthouse means to emulate only on a host of
//      about 1,533 (Lighthouse's throttling guide, "Calibrating the CPU slowdown"); a slower host
//      emulates a slower phone. LIGHTHOUSE_CPU=<n> sets the multiplier; LIGHTHOUSE_CPU=calibrate
//      derives it from the index (three short runs) with the formula of Lighthouse's CPU
//      throttling calculator.
//   4. The floor: the same runs on a bare page built with the same Next and React (one heading, one
//      paragraph, one next/link: .cache/lighthouse/floor-app, built on first use), served the same
//      way. What a page scores above or below it is the app's doing; the rest is the framework's
//      JavaScript on this machine. LIGHTHOUSE_FLOOR=0 skips it.
//   5. Prints the table, writes it to .cache/lighthouse/scores.md, keeps each report's JSON in
//      .cache/lighthouse/reports/. Exit 1 when a median score is under LIGHTHOUSE_MIN (default 0,
//      i.e. report only). LIGHTHOUSE_ONLY=/learn,/cart and LIGHTHOUSE_PRESETS=desktop narrow a
//      run; NEXT_DIST_DIR picks another build folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = '12.2.3';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, '.cache/lighthouse');
const port = Number(process.env.LIGHTHOUSE_PORT ?? 3103);
const base = `http://127.0.0.1:${port}`;
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const minimum = Number(process.env.LIGHTHOUSE_MIN ?? 0);
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const log = (line) => console.log(`[lighthouse] ${line}`);
const nextBin = join(root, 'node_modules/next/dist/bin/next');

function lighthouseBinary() {
  const bin = join(cache, 'node_modules/.bin/lighthouse');
  if (existsSync(bin) && spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim() === VERSION) return bin;
  log(`installing lighthouse@${VERSION} into .cache/lighthouse`);
  mkdirSync(cache, { recursive: true });
  const install = spawnSync('npm', ['install', '--prefix', cache, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `lighthouse@${VERSION}`], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0 || !existsSync(bin)) throw new Error('could not install Lighthouse');
  return bin;
}

async function waitFor(url, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer`);
}

/** A signed-up user's cookies, with two items in the cart. */
async function signedInCookie() {
  const headers = { Origin: base, 'Content-Type': 'application/json' };
  const email = `lighthouse-${Date.now()}@example.test`;
  const signup = await fetch(`${base}/api/auth/signup`, { method: 'POST', headers, body: JSON.stringify({ email, password: 'lighthouse-password', name: 'Ada Lovelace' }) });
  if (signup.status !== 201) throw new Error(`sign-up failed: ${signup.status} ${await signup.text()}`);
  const cookie = signup.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const products = await (await fetch(`${base}/api/products`)).json();
  for (const product of (products.products ?? products).slice(0, 2)) {
    const add = await fetch(`${base}/api/cart/items`, { method: 'POST', headers: { ...headers, Cookie: cookie }, body: JSON.stringify({ productId: product.id, quantity: 1 }) });
    if (!add.ok) throw new Error(`adding to the cart failed: ${add.status} ${await add.text()}`);
  }
  return cookie;
}

/**
 * The CPU slowdown that brings a host of this benchmarkIndex to the device the mobile preset
 * emulates: Lighthouse's CPU throttling calculator (lighthouse-cpu-throttling-calculator, by a
 * Lighthouse maintainer), where 1,533 gives the preset's 4x, 1,300 gives 3x and 800 gives 2x.
 */
function cpuSlowdownFor(benchmarkIndex) {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex <= 0) throw new Error(`no benchmarkIndex: ${benchmarkIndex}`);
  const multiplier =
    benchmarkIndex >= 1300 ? 3 + (benchmarkIndex - 1300) / 233 : benchmarkIndex >= 800 ? 2 + (benchmarkIndex - 800) / 500 : 1 + (benchmarkIndex - 150) / 650;
  return Math.max(1, Math.round(multiplier * 100) / 100);
}

/** The middle item by `key` (the lower middle of an even count). */
const medianBy = (items, key) => [...items].sort((a, b) => key(a) - key(b))[Math.floor((items.length - 1) / 2)];

/** One Lighthouse run of `origin` + `url`; `label` names its report file. `cpu` overrides the preset's CPU slowdown. */
function run(bin, url, { origin = base, preset, cookie, cpu, label, categories = 'performance,accessibility,best-practices,seo' }) {
  const name = `${url.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${label}`;
  const out = join(cache, 'reports', `${name}.json`);
  const args = [
    `${origin}${url}`,
    '--quiet',
    '--output=json',
    `--output-path=${out}`,
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    `--only-categories=${categories}`,
    ...(preset === 'desktop' ? ['--preset=desktop'] : ['--form-factor=mobile']),
    ...(cpu ? [`--throttling.cpuSlowdownMultiplier=${cpu}`] : []),
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ];
  // Chromium 156 now and then fails a trace (NO_NAVSTART): one more try before giving up.
  for (let attempt = 1; ; attempt += 1) {
    const result = spawnSync(bin, args, { cwd: root, env: { ...process.env, CHROME_PATH: chrome }, encoding: 'utf8' });
    if (result.status === 0) break;
    if (attempt === 2) throw new Error(`lighthouse ${url} (${label}) failed:\n${result.stderr}`);
    log(`${url} (${label}) failed, running it again: ${result.stderr.trim().split('\n').pop()}`);
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const metric = (id) => Math.round(report.audits[id]?.numericValue ?? NaN);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcp: metric('largest-contentful-paint'),
    tbt: metric('total-blocking-time'),
    benchmarkIndex: Math.round(report.environment.benchmarkIndex),
    cpu: report.configSettings.throttling.cpuSlowdownMultiplier,
  };
}

/** The floor: a bare page on the same Next and React, built once into .cache/lighthouse/floor-app. */
function buildFloorApp() {
  const app = join(cache, 'floor-app');
  const files = {
    'package.json': '{ "name": "lighthouse-floor", "private": true }\n',
    // The app's own node_modules (so the same Next and React), and the repository as Turbopack's root.
    'next.config.mjs': `export default { poweredByHeader: false, turbopack: { root: ${JSON.stringify(root)} } };\n`,
    'app/layout.jsx':
      "export const metadata = { title: 'Floor', description: 'A bare page on the same Next and React.' };\n" +
      'export default function RootLayout({ children }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n',
    // Present so that Next does not take the repository's own (Turbopack's root is the repository).
    'instrumentation.js': 'export function register() {}\n',
    'middleware.js': "export function middleware() {}\nexport const config = { matcher: '/never-matched' };\n",
    'app/page.jsx':
      "import Link from 'next/link';\n" +
      'export default function Page() {\n  return <main><h1>Floor</h1><p>A bare App Router page with one link.</p><Link href="/">Home</Link></main>;\n}\n',
  };
  const stamp = JSON.stringify({ files, next: JSON.parse(readFileSync(join(root, 'node_modules/next/package.json'), 'utf8')).version });
  if (existsSync(join(app, '.next/BUILD_ID')) && existsSync(join(app, 'stamp.json')) && readFileSync(join(app, 'stamp.json'), 'utf8') === stamp) return app;
  log('building the floor app into .cache/lighthouse/floor-app');
  rmSync(app, { recursive: true, force: true });
  mkdirSync(join(app, 'app'), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(app, file), text);
  symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'), 'dir');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: app, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) throw new Error('could not build the floor app');
  writeFileSync(join(app, 'stamp.json'), stamp);
  return app;
}

/** Starts a server in its own process group; returns a function that stops the group. */
function startDetached(command, args, options) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  return stop;
}

/** LIGHTHOUSE_CPU: unset (the preset's 4x), a number, or "calibrate" (from this machine's benchmarkIndex). */
function cpuSlowdown(bin, origin) {
  const setting = process.env.LIGHTHOUSE_CPU;
  if (!setting) return undefined;
  if (setting !== 'calibrate') {
    const multiplier = Number(setting);
    if (!(multiplier >= 1)) throw new Error(`LIGHTHOUSE_CPU must be a number >= 1 or "calibrate", not ${setting}`);
    return multiplier;
  }
  const indexes = [1, 2, 3].map((n) => run(bin, '/login', { origin, preset: 'mobile', label: `calibration-${n}`, categories: 'seo' }).benchmarkIndex);
  const multiplier = cpuSlowdownFor(medianBy(indexes, (index) => index));
  log(`benchmarkIndex ${indexes.join(', ')}: mobile CPU slowdown ${multiplier}x (the preset's 4x assumes about 1,533)`);
  return multiplier;
}

async function main() {
  const distDir = process.env.NEXT_DIST_DIR ?? '.next';
  if (!existsSync(join(root, distDir, 'BUILD_ID'))) throw new Error(`no production build in ${distDir}: run "npm run build" first`);
  const bin = lighthouseBinary();
  mkdirSync(join(cache, 'reports'), { recursive: true });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

  // LIGHTHOUSE_ONLY=/learn,/cart and LIGHTHOUSE_PRESETS=desktop narrow a run down.
  const only = process.env.LIGHTHOUSE_ONLY?.split(',');
  const presets = process.env.LIGHTHOUSE_PRESETS?.split(',') ?? ['mobile', 'desktop'];
  const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
  const withFloor = process.env.LIGHTHOUSE_FLOOR !== '0';
  const floorPort = port + 1;
  const floorApp = withFloor ? buildFloorApp() : null;

  log(`starting the app on ${base}`);
  // No mail catcher runs beside Lighthouse: without MAIL_DISABLED the sign-up's verification mail
  // would be retried against a closed SMTP port all through the runs (log lines and stray work).
  const stopApp = startDetached(process.execPath, ['--import', 'tsx', 'e2e/support/start-server.ts', String(port)], {
    cwd: root,
    env: { ...process.env, MAIL_DISABLED: 'true' },
  });
  const stopFloor = floorApp
    ? startDetached(process.execPath, [nextBin, 'start', '-p', String(floorPort), '-H', '127.0.0.1'], { cwd: floorApp, env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' } })
    : () => {};
  try {
    await waitFor(`${base}/api/health`);
    const cookie = await signedInCookie();
    const products = await (await fetch(`${base}/api/products`)).json();
    const slug = (products.products ?? products)[0].slug;
    const pages = [
      ['/', null],
      [`/products/${slug}`, null],
      ['/login', null],
      ['/learn', null],
      ['/account', cookie],
      ['/cart', cookie],
    ]
      .filter(([url]) => !only || only.includes(url))
      .map(([url, withCookie]) => ({ url, origin: base, cookie: withCookie, label: url, floor: false }));
    if (floorApp) {
      await waitFor(`http://127.0.0.1:${floorPort}/`);
      pages.push({ url: '/', origin: `http://127.0.0.1:${floorPort}`, cookie: null, label: 'floor: a bare Next page', floor: true });
    }
    // Warm up: the measured load is not the route's first render since the server started.
    for (const page of pages) {
      for (let round = 0; round < 2; round += 1) await (await fetch(`${page.origin}${page.url}`, { headers: page.cookie ? { Cookie: page.cookie } : {} })).arrayBuffer();
    }
    const cpu = presets.includes('mobile') ? cpuSlowdown(bin, base) : undefined;

    const rows = [];
    for (const preset of presets) {
      for (const page of pages) {
        const results = [];
        const tries = preset === 'mobile' ? runs : 1;
        for (let n = 1; n <= tries; n += 1) {
          results.push(run(bin, page.url, { origin: page.origin, preset, cookie: page.cookie, cpu: preset === 'mobile' ? cpu : undefined, label: `${page.floor ? 'floor-' : ''}${preset}-${n}` }));
        }
        // The median run by performance; the other categories do not vary between runs.
        const middle = medianBy(results, (result) => result.performance);
        const row = { page: page.label, floor: page.floor, preset, ...middle, runs: results };
        log(`${preset.padEnd(7)} ${row.page.padEnd(28)} perf ${row.performance} (${results.map((r) => r.performance).join(' ')}) · a11y ${row.accessibility} · best practices ${row.bestPractices} · SEO ${row.seo}`);
        rows.push(row);
      }
    }
    const range = (values) => (Math.min(...values) === Math.max(...values) ? `${values[0]}` : `${Math.min(...values)}-${Math.max(...values)}`);
    const table = [
      '| page | preset | CPU slowdown | performance: median (runs) | LCP, ms | TBT, ms | accessibility | best practices | SEO | benchmarkIndex |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.floor ? r.page : `\`${r.page}\``} | ${r.preset} | ${r.cpu}x | **${r.performance}** (${r.runs.map((x) => x.performance).join(' ')}) | ${range(r.runs.map((x) => x.lcp))} | ${range(r.runs.map((x) => x.tbt))} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${range(r.runs.map((x) => x.benchmarkIndex))} |`,
      ),
    ].join('\n');
    writeFileSync(join(cache, 'scores.md'), `${table}\n`);
    console.log(`\n${table}`);
    // The floor is a reference, not one of the app's pages: it never fails the run.
    const low = rows.filter((r) => !r.floor && Math.min(r.performance, r.accessibility, r.bestPractices, r.seo) < minimum);
    if (low.length) {
      console.error(`[lighthouse] ${low.length} page(s) under ${minimum}`);
      process.exitCode = 1;
    }
  } finally {
    stopFloor();
    stopApp();
  }
}

main().catch((error) => {
  console.error(`[lighthouse] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
