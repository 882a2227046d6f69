// Which paths need a signed-in user (as the protection table says), and where `?next=` may send
// someone. Runtime-neutral.
import { PROTECTED_API, PROTECTED_PAGES } from './protection';

function matches(pathname: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => pathname === prefix || pathname.startsWith(prefix + '/') || pathname.startsWith(prefix + '.'));
}

/**
 * Normalises a request path the way a router might, so that `//account`, `/ACCOUNT`, `/account/`
 * and `/%61ccount` all count as `/account`. The middleware is only the first check (the data
 * access layer re-checks every request), but it should not be fooled by spelling.
 */
export function normalisePath(pathname: string): string {
  let path = pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // leave undecodable paths as they are
  }
  path = path.replace(/\\/g, '/').replace(/\/{2,}/g, '/').toLowerCase();
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}

export function isProtectedPage(pathname: string): boolean {
  return matches(normalisePath(pathname), PROTECTED_PAGES);
}

export function isProtectedApi(pathname: string): boolean {
  return matches(normalisePath(pathname), PROTECTED_API);
}

/** The refresh hop (GET /api/auth/refresh) that renews the cookies and goes on to `next`. */
export function refreshHopUrl(next: string, base: string | URL): URL {
  const hop = new URL('/api/auth/refresh', base);
  hop.searchParams.set('next', next);
  return hop;
}

/**
 * The `next` parameter, kept only when it is a same-origin path: it must start with one `/` and
 * not `//` or `/\` (both mean another host to a browser), and hold no control characters (browsers
 * strip tabs and newlines, so `/\t/evil.example` becomes `//evil.example`). Anything else is `/`.
 */
export function safeNextPath(raw: string | null | undefined, fallback = '/'): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(raw)) return fallback;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  // Resolve against a dummy origin: whatever the browser would do, it must stay on that origin.
  try {
    const base = 'http://same-origin.invalid';
    const url = new URL(raw, base);
    if (url.origin !== base) return fallback;
    const path = url.pathname + url.search + url.hash;
    if (path.startsWith('//') || path.startsWith('/\\')) return fallback;
    return path;
  } catch {
    return fallback;
  }
}
