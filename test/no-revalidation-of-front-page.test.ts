// The front page of a first visit is HTML prerendered at build time under a policy naming its
// scripts' hashes: revalidated, Next would render it anew with scripts those hashes do not name
// (docs/architecture.md, "The front page for a first visit"). So server actions call `refresh()`,
// and a revalidation names a literal path below `/` other than the prerendered page's own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRERENDERED_FRONT_PAGE_PATH } from '@/lib/prerendered-front-page-names.mjs';
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

  it('every revalidation in the app names a literal path below `/`, not the prerendered page, and none is a tag', () => {
    const found = source.flatMap((file) => revalidations(readFileSync(join(REPO_ROOT, file), 'utf8')).map((call) => `${file}: ${call}`));
    expect(found.length).toBeGreaterThan(0);
    for (const call of found) {
      expect(call).toMatch(/: revalidatePath\('\/[a-z][^']*'\)$/);
      expect(call).not.toContain(`'${PRERENDERED_FRONT_PAGE_PATH}`);
    }
  });
});
