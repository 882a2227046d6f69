// The build names the prerendered front page's inline scripts in its CSP by these hashes. A wrong
// one blocks the page's scripts in the browser (e2e/front-page.spec.ts proves the real page runs).
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes } from './inline-script-hashes.mjs';

describe('inlineScriptHashes', () => {
  it("gives the hash a browser computes: MDN's own example", () => {
    // developer.mozilla.org, Content-Security-Policy/script-src, "Unsafe inline script".
    expect(inlineScriptHashes("<script>alert('Hello, world.');</script>")).toEqual(['sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=']);
  });

  it('hashes every inline script in page order, once each, over its exact text; skips scripts loaded from a file', () => {
    const html = [
      '<head><script src="/_next/static/chunks/a.js" async=""></script>',
      '<script id="_R_">self.__next_f=self.__next_f||[]</script></head>',
      '<body><script>self.__next_f.push([1,"a\\n"])</script>',
      '<SCRIPT type="module" SRC="/b.js"></SCRIPT>',
      '<script>self.__next_f.push([1,"a\\n"])</script>',
      '<script>\n  multi\n  line\n</script></body>',
    ].join('');
    const hashes = inlineScriptHashes(html);
    expect(hashes).toHaveLength(3);
    expect(hashes).toEqual([
      inlineScriptHashes('<script>self.__next_f=self.__next_f||[]</script>')[0],
      inlineScriptHashes('<script>self.__next_f.push([1,"a\\n"])</script>')[0],
      inlineScriptHashes('<script>\n  multi\n  line\n</script>')[0],
    ]);
    // Whitespace is part of the script: a hash of the trimmed text would not match.
    expect(hashes[2]).not.toBe(inlineScriptHashes('<script>multi\n  line</script>')[0]);
  });

  it('finds nothing to hash in a page without inline scripts', () => {
    expect(inlineScriptHashes('<html><body><script src="/x.js"></script><p>no scripts</p></body></html>')).toEqual([]);
  });
});
