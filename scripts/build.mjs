// @ts-check
// `npm run build`: `next build`, then the CSP hashes of the prerendered front page's inline
// scripts written into the built middleware (lib/static-front-page.ts).
//
// The page's HTML exists only once the build is done, and the middleware that sends its policy
// was built with it. So next.config.js puts a placeholder into the middleware's code
// (SCRIPT_HASHES_PLACEHOLDER, lib/front-page-route.mjs), and this script then writes over it the
// SHA-256 of each inline script of the HTML Next wrote (scripts/inline-script-hashes.mjs). Hashing
// the very bytes that are served is what makes the policy fit them: a second build to carry the
// hashes would render the page again, and its chunks' names need not come out the same.
//
// NEXT_DIST_DIR and BENCH_ROUTES pass through to the build, as do extra arguments
// (`npm run build -- --debug`). A plain `next build` still makes a working build: its placeholder
// is no list of hashes, and every visitor gets the front page rendered per request.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRERENDERED_FRONT_PAGE_PATH, SCRIPT_HASHES_PLACEHOLDER } from '../lib/front-page-route.mjs';
import { inlineScriptHashes } from './inline-script-hashes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(root, process.env.NEXT_DIST_DIR || '.next');

const built = spawnSync(process.execPath, [join(root, 'node_modules/next/dist/bin/next'), 'build', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const page = join(distDir, `server/app${PRERENDERED_FRONT_PAGE_PATH}.html`);
const hashes = inlineScriptHashes(readFileSync(page, 'utf8')).join(' ');
// The middleware's code: the Edge bundles under server/ that carry the placeholder.
const patched = [];
for (const entry of readdirSync(join(distDir, 'server'), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
  const file = join(entry.parentPath, entry.name);
  const code = readFileSync(file, 'utf8');
  if (!code.includes(SCRIPT_HASHES_PLACEHOLDER)) continue;
  writeFileSync(file, code.replaceAll(SCRIPT_HASHES_PLACEHOLDER, hashes));
  patched.push(file.slice(distDir.length + 1));
}
if (patched.length === 0) {
  console.error('build: no built file carries the front page hashes\' placeholder: the front page would be rendered per request');
  process.exit(1);
}
console.log(`build: the policy of the prerendered front page names its ${hashes.split(' ').length} inline scripts (${patched.join(', ')})`);
