// Who gets the front page prerendered at build time, and the script hashes its policy names.
// Runtime-neutral: the middleware decides here, before anything renders. Why it is safe to serve
// the same bytes to everyone it reaches: docs/architecture.md, "The front page for a first visit".
import { TIME_ZONE_COOKIE } from '@/lib/format/time';
import { isSha256Source } from '@/lib/prerendered-front-page-names.mjs';

/** Cookies the front page never reads: a request with these alone may get the prerendered page. */
const COOKIES_THE_FRONT_PAGE_IGNORES: ReadonlySet<string> = new Set([TIME_ZONE_COOKIE]);

/**
 * The inline scripts' hashes in `list` (`sha256-…`, space-separated: what scripts/build.mjs wrote
 * into the built middleware), or none. A malformed list, the build's placeholder included, counts
 * as none: a broken build serves the page rendered per request, never a page its policy blocks.
 */
export function prerenderedFrontPageScriptHashes(list: string | undefined): string[] {
  const hashes = (list ?? '').split(' ').filter(Boolean);
  return hashes.length > 0 && hashes.every((hash) => isSha256Source(hash)) ? hashes : [];
}

export interface FrontPageRequest {
  method: string;
  pathname: string;
  search: string;
  /** Asked only for `GET /` with no query: reading a request's cookies is work every other page would pay for nothing. */
  cookieNames: () => readonly string[];
}

/**
 * Whether this request may get the prerendered front page (given a build that has its hashes).
 * The client router's requests for `/` (a navigation, a prefetch) from such a browser get the
 * prerendered payload too: it is the same page.
 */
export function getsPrerenderedFrontPage({ method, pathname, search, cookieNames }: FrontPageRequest): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (pathname !== '/' || search !== '') return false;
  return cookieNames().every((name) => COOKIES_THE_FRONT_PAGE_IGNORES.has(name));
}
