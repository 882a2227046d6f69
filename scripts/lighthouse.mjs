#!/usr/bin/env node
// `npm run lighthouse`: Lighthouse (mobile and desktop presets) over the pages people land on:
// /, a product, /login, /learn, /account (signed in) and /cart (signed in, with items).
//
//   1. Lighthouse 12.2.3 is not a project dependency (13 needs Node 22): it is installed on first
//      use into .cache/lighthouse and reused.
//   2. Starts the production build (`next build` first) on LIGHTHOUSE_PORT (default 3103) with a
//      fresh seeded SQLite file, through e2e/support/start-server.ts, the same way the browser
//      tests do; signs a user up through the JSON API and puts two items in the cart; the signed-in
//      pages get that user's cookies as an extra header. Each page is then fetched twice before
//      Lighthouse sees it: a route's first render after the server starts loads its modules
//      (200-300 ms more to the first byte), a one-off that a running server has long paid.
//   3. Runs Chromium (CHROME_PATH, default /usr/bin/chromium) headless, prints a table of the four
//      category scores per page and preset, writes it to .cache/lighthouse/scores.md, and keeps
//      each report's JSON in .cache/lighthouse/reports/. Exit 1 when a score is under
//      LIGHTHOUSE_MIN (default 0, i.e. report only). LIGHTHOUSE_ONLY=/learn,/cart and
//      LIGHTHOUSE_PRESETS=desktop narrow a run; NEXT_DIST_DIR picks another build folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

function run(bin, url, preset, cookie) {
  const name = `${url.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${preset}`;
  const out = join(cache, 'reports', `${name}.json`);
  const args = [
    `${base}${url}`,
    '--quiet',
    '--output=json',
    `--output-path=${out}`,
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    '--only-categories=performance,accessibility,best-practices,seo',
    ...(preset === 'desktop' ? ['--preset=desktop'] : ['--form-factor=mobile']),
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ];
  const result = spawnSync(bin, args, { cwd: root, env: { ...process.env, CHROME_PATH: chrome }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`lighthouse ${url} (${preset}) failed:\n${result.stderr}`);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
  return { url, preset, performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo') };
}

async function main() {
  const distDir = process.env.NEXT_DIST_DIR ?? '.next';
  if (!existsSync(join(root, distDir, 'BUILD_ID'))) throw new Error(`no production build in ${distDir}: run "npx next build" first`);
  const bin = lighthouseBinary();
  mkdirSync(join(cache, 'reports'), { recursive: true });
  log(`starting the app on ${base}`);
  const server = spawn(process.execPath, ['--import', 'tsx', 'e2e/support/start-server.ts', String(port)], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
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
    ];
    // Warm up: the measured load is not the route's first render since the server started.
    for (const [url, withCookie] of pages) {
      for (let round = 0; round < 2; round += 1) await (await fetch(`${base}${url}`, { headers: withCookie ? { Cookie: withCookie } : {} })).arrayBuffer();
    }
    const rows = [];
    // LIGHTHOUSE_ONLY=/learn,/cart and LIGHTHOUSE_PRESETS=desktop narrow a run down.
    const only = process.env.LIGHTHOUSE_ONLY?.split(',');
    const presets = process.env.LIGHTHOUSE_PRESETS?.split(',') ?? ['mobile', 'desktop'];
    for (const preset of presets) {
      for (const [url, withCookie] of pages.filter(([url]) => !only || only.includes(url))) {
        const row = run(bin, url, preset, withCookie);
        log(`${preset.padEnd(7)} ${url.padEnd(28)} perf ${row.performance} · a11y ${row.accessibility} · best practices ${row.bestPractices} · SEO ${row.seo}`);
        rows.push(row);
      }
    }
    const table = [
      '| page | preset | performance | accessibility | best practices | SEO |',
      '|---|---|---|---|---|---|',
      ...rows.map((r) => `| \`${r.url}\` | ${r.preset} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} |`),
    ].join('\n');
    writeFileSync(join(cache, 'scores.md'), `${table}\n`);
    console.log(`\n${table}`);
    const low = rows.filter((r) => Math.min(r.performance, r.accessibility, r.bestPractices, r.seo) < minimum);
    if (low.length) {
      console.error(`[lighthouse] ${low.length} page(s) under ${minimum}`);
      process.exitCode = 1;
    }
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(`[lighthouse] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
