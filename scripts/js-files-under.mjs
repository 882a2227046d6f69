// @ts-check
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every `.js` file under `dir`, at any depth (the built bundles scripts/build.mjs patches and
 * scripts/vercel-check.mjs reads).
 * @param {string} dir
 * @returns {string[]}
 */
export function jsFilesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    // Dirent.parentPath arrived in Node 20.12; `path` is its older name (package.json allows 20.9).
    .map((entry) => join(entry.parentPath ?? /** @type {{ path: string }} */ (/** @type {unknown} */ (entry)).path, entry.name));
}
