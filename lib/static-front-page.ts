// The front page (`/`, no query) for a visitor the server knows nothing about, served as HTML
// prerendered at build time instead of rendered per request. Runtime-neutral: the middleware
// decides here, before anything renders.
//
// Why it is safe to serve the same bytes to everyone it reaches: the prerendered page
// (app/(shop)/prerendered-front-page/page.tsx) is the catalogue's first page as a signed-out
// visitor with no cart sees it, built from the catalogue in code (prisma/catalogue.ts, which the
// seed makes the database follow), and its stock is fetched by the browser. So it goes only to
// requests that carry no cookie but the time zone's (no session, no refresh hint, no guest cart,
// no welcome): any other cookie, or a query string, gets the page rendered per request, as before.
// It is public and the same for all those visitors, but only for them: its Cache-Control keeps
// shared caches from storing it (the answer at `/` depends on the cookies), and browsers revalidate.
//
// The middleware decides, and tells next.config.js's rewrite by a request header it always sets or
// removes itself (lib/front-page-route.mjs). The page's scripts cannot carry a nonce (its bytes are
// the same for every response), so the policy names the SHA-256 of each inline script of the
// built HTML (lib/security-headers.ts), which scripts/build.mjs writes into the built middleware
// once the page exists. A plain `next build` leaves a placeholder there, and then every visitor
// gets the page rendered per request.
import { TIME_ZONE_COOKIE } from '@/lib/format/time';

export { PRERENDERED_FRONT_PAGE_PATH, PRERENDERED_FRONT_PAGE_SIGNAL } from '@/lib/front-page-route.mjs';

/** Cookies the front page never reads: a request with these alone may get the prerendered page. */
const COOKIES_THE_FRONT_PAGE_IGNORES: ReadonlySet<string> = new Set([TIME_ZONE_COOKIE]);

const SHA256_SOURCE = /^sha256-[A-Za-z0-9+/]{43}=$/;

/**
 * The inline scripts' hashes this build carries (`sha256-…`, space-separated: the middleware
 * passes STATIC_FRONT_PAGE_SCRIPT_HASHES, which scripts/build.mjs wrote into its code), or none. A
 * malformed list, the build's placeholder included, counts as none, so a broken build serves
 * every visitor the page rendered per request rather than a page
 * whose scripts its policy blocks.
 */
export function prerenderedFrontPageScriptHashes(list: string | undefined): string[] {
  const hashes = (list ?? '').split(' ').filter(Boolean);
  return hashes.length > 0 && hashes.every((hash) => SHA256_SOURCE.test(hash)) ? hashes : [];
}

export interface FrontPageRequest {
  method: string;
  pathname: string;
  search: string;
  cookieNames: readonly string[];
}

/**
 * Whether this request may get the prerendered front page (given a build that has its hashes).
 * The client router's requests for `/` (a navigation, a prefetch) from such a browser get the
 * prerendered payload too: it is the same page.
 */
export function getsPrerenderedFrontPage({ method, pathname, search, cookieNames }: FrontPageRequest): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (pathname !== '/' || search !== '') return false;
  return cookieNames.every((name) => COOKIES_THE_FRONT_PAGE_IGNORES.has(name));
}
