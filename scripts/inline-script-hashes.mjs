// @ts-check
// The CSP hash sources (`sha256-…`) of an HTML page's inline scripts: what a browser computes over
// the exact text between <script …> and </script> of each script without a `src`. Used by
// scripts/build.mjs on the prerendered front page that Next writes (lib/prerendered-front-page.ts).
import { createHash } from 'node:crypto';

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** @param {string} html @returns {string[]} one per inline script, in page order (duplicates kept once) */
export function inlineScriptHashes(html) {
  /** @type {string[]} */
  const hashes = [];
  for (const [, attributes, body] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes ?? '')) continue;
    const hash = `sha256-${createHash('sha256').update(body ?? '', 'utf8').digest('base64')}`;
    if (!hashes.includes(hash)) hashes.push(hash);
  }
  return hashes;
}
