// The front page a first visit gets is the HTML prerendered at build time, under a policy naming
// the hashes of its inline scripts (lib/static-front-page.ts). Anything that revalidates it makes
// Next render it anew at run time, as bytes whose scripts those hashes no longer name: the page
// would stop working in the browser. Every page that changes with data is rendered per request
// anyway, so a server action refreshes the browser's router (`refresh()` from next/cache) and
// revalidates only paths under `/` (`revalidatePath('/account')`), never `/` itself, the root
// layout, or a tag.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_EXTENSIONS, REPO_ROOT, repoFiles } from './repo-files';

const source = repoFiles(CODE_EXTENSIONS).filter((file) => /^(app|lib|middleware)/.test(file) && !/\.test\.tsx?$|\.cases\.ts$/.test(file));

/** The calls in a file's code (comments, which may name the call they advise against, left out). */
function revalidations(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/[^\n]*/g, '$1');
  return [...code.matchAll(/\b(revalidatePath|revalidateTag|updateTag)\s*\(([^)]*)\)/g)].map((match) => `${match[1]}(${match[2]!.trim()})`);
}

describe('nothing revalidates the prerendered front page', () => {
  it('the rule finds what it must', () => {
    expect(revalidations("revalidatePath('/', 'layout'); revalidatePath( '/account' ); revalidateTag(tag)\n// not revalidatePath('/')\n/* nor revalidatePath('/') */")).toEqual([
      "revalidatePath('/', 'layout')",
      "revalidatePath('/account')",
      'revalidateTag(tag)',
    ]);
  });

  it('every revalidation in the app names a literal path below `/`, and none is a tag', () => {
    const found = source.flatMap((file) => revalidations(readFileSync(join(REPO_ROOT, file), 'utf8')).map((call) => `${file}: ${call}`));
    expect(found.length).toBeGreaterThan(0);
    for (const call of found) expect(call).toMatch(/: revalidatePath\('\/[a-z][^']*'\)$/);
  });
});
