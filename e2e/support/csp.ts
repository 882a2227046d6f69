// Reading a response's Content-Security-Policy in the browser tests.
import { inlineScriptHashes } from '../../scripts/inline-script-hashes.mjs';

/** The policy's `script-src` directive ('' when it has none). */
export function scriptSrc(csp: string | null | undefined): string {
  return (csp ?? '').split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('script-src ')) ?? '';
}

/** The `script-src` a page prerendered under hashes must carry: `'self'` and the hash of each of `html`'s inline scripts. */
export function hashScriptSrc(html: string): string {
  return `script-src 'self' ${inlineScriptHashes(html).map((hash) => `'${hash}'`).join(' ')}`;
}
