// @ts-check
// The names the prerendered front page's parts share: next.config.js (which serves the page at `/`),
// the middleware (which decides who gets it: lib/prerendered-front-page.ts), scripts/build.mjs
// (which gives the middleware the page's script hashes) and scripts/vercel-check.mjs.

/** Where the prerendered page lives. Asked for by this path, the middleware sends the browser to `/`. */
export const PRERENDERED_FRONT_PAGE_PATH = '/prerendered-front-page';

/**
 * The request header by which the middleware tells next.config.js's rewrite to serve that page at
 * `/`. The middleware sets it, or removes it, on every request for a page, so a client cannot.
 */
export const PRERENDERED_FRONT_PAGE_HEADER = 'x-prerendered-front-page';

/**
 * What next.config.js puts into the middleware's code as PRERENDERED_FRONT_PAGE_SCRIPT_HASHES. The
 * page's HTML exists only once the build is done, so scripts/build.mjs then writes the hashes of
 * its inline scripts over this text in the built middleware. Left as it is (a plain `next build`),
 * it is no list of hashes, and every visitor gets the page rendered per request.
 */
export const SCRIPT_HASHES_PLACEHOLDER = 'prerendered-front-page-script-hashes-are-written-here-by-scripts-build';

/** A CSP hash source of SHA-256 without its quotes: `sha256-` and 44 base64 characters. */
export const SHA256_SOURCE_PATTERN = 'sha256-[A-Za-z0-9+/]{43}=';

/** @param {string} source */
export function isSha256Source(source) {
  return new RegExp(`^${SHA256_SOURCE_PATTERN}$`).test(source);
}
