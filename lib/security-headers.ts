// The Content-Security-Policy for pages. Runtime-neutral. Scripts run only if the policy names
// them: by a fresh nonce per response, plus what they load ('strict-dynamic'); or, on the front page
// prerendered at build time, by each inline script's SHA-256 and 'self' (docs/architecture.md).
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
