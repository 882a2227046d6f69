// @ts-check
// `npm run build`: `next build`, then the SHA-256 of each inline script of the prerendered front
// page's HTML written over a placeholder in the built middleware, whose policy names them
// (docs/architecture.md, "The front page for a first visit"). Hashing the very bytes served is what
// makes the policy fit them: a second build would render the page again, under other chunk names.
// NEXT_DIST_DIR, BENCH_ROUTES and extra arguments (`npm run build -- --debug`) pass through.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRERENDERED_FRONT_PAGE_PATH, SCRIPT_HASHES_PLACEHOLDER } from '../lib/prerendered-front-page-names.mjs';
import { inlineScriptHashes } from './inline-script-hashes.mjs';
import { jsFilesUnder } from './js-files-under.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(root, process.env.NEXT_DIST_DIR || '.next');

const built = spawnSync(process.execPath, [join(root, 'node_modules/next/dist/bin/next'), 'build', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const page = join(distDir, `server/app${PRERENDERED_FRONT_PAGE_PATH}.html`);
const hashes = inlineScriptHashes(readFileSync(page, 'utf8'));
if (hashes.length === 0) {
  console.error(`build: ${page} has no inline script: the policy would name none, and the page could not hydrate`);
  process.exit(1);
}
// The middleware's code: the Edge bundles under server/ that carry the placeholder.
const patched = [];
for (const file of jsFilesUnder(join(distDir, 'server'))) {
  const code = readFileSync(file, 'utf8');
  if (!code.includes(SCRIPT_HASHES_PLACEHOLDER)) continue;
  writeFileSync(file, code.replaceAll(SCRIPT_HASHES_PLACEHOLDER, hashes.join(' ')));
  patched.push(file.slice(distDir.length + 1));
}
if (patched.length === 0) {
  console.error('build: no built file carries the front page hashes\' placeholder: the front page would be rendered per request');
  process.exit(1);
}
console.log(`build: the policy of the prerendered front page names its ${hashes.length} inline scripts (${patched.join(', ')})`);
