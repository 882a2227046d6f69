// The page policy in its two forms: a nonce for a page rendered per request, hashes for the
// prerendered front page. Neither ever lets an injected inline script run.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce } from './security-headers';

const scriptSrc = (policy: string) => policy.split('; ').find((directive) => directive.startsWith('script-src ')) ?? '';
const hash = 'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=';

describe('contentSecurityPolicy', () => {
  it('a page rendered per request: its nonce, and what a script carrying it loads', () => {
    const nonce = createNonce();
    expect(scriptSrc(contentSecurityPolicy({ nonce }, { https: false, dev: false }))).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  });

  it("the prerendered page: its inline scripts' hashes and this origin's files, no nonce, no 'strict-dynamic' (which would block the page's own script files)", () => {
    const policy = contentSecurityPolicy({ hashes: [hash, hash.replace('q', 'Q')] }, { https: true, dev: false });
    expect(scriptSrc(policy)).toBe(`script-src 'self' '${hash}' '${hash.replace('q', 'Q')}'`);
    expect(policy).toContain('upgrade-insecure-requests');
  });

  it("never allows inline scripts or eval in production, and keeps framing, plugins and <base> shut in both forms", () => {
    for (const scripts of [{ nonce: createNonce() }, { hashes: [hash] }]) {
      const policy = contentSecurityPolicy(scripts, { https: false, dev: false });
      expect(scriptSrc(policy)).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:|data:/);
      for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "default-src 'self'"]) expect(policy).toContain(directive);
    }
  });

  it('gives every response its own 128-bit nonce', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });
});
