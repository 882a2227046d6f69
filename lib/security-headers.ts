// The Content-Security-Policy for pages. Runtime-neutral.
//
// Scripts run only if the policy names them, so an injected <script> or inline handler does not:
//  - a page rendered per request: a fresh nonce per response (Next adds it to the scripts it
//    renders when it finds the policy on the request), plus what such a script loads
//    ('strict-dynamic');
//  - `/` as prerendered at build time for a visitor the server knows nothing about
//    (lib/static-front-page.ts): no nonce can be in bytes that are the same for every response,
//    so the policy names the SHA-256 of each of that page's inline scripts (scripts/build.mjs
//    takes them from the built HTML) and allows this origin's script files, without
//    'strict-dynamic' (which would ignore 'self' and block the page's own <script src>).
// Never 'unsafe-inline' for scripts. Styles allow inline attributes: a style cannot run code, and
// React sets them.
export type ScriptSources = { nonce: string } | { hashes: readonly string[] };

export function contentSecurityPolicy(scripts: ScriptSources, { https, dev }: { https: boolean; dev: boolean }): string {
  const scriptSrc = 'nonce' in scripts ? `'self' 'nonce-${scripts.nonce}' 'strict-dynamic'` : ["'self'", ...scripts.hashes.map((hash) => `'${hash}'`)].join(' ');
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSrc}${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
