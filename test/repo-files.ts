// The repository's own source files, found on disk (not through git, so a new file counts before it
// is committed), for the tests that hold a rule over all of them.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..');

/** Installed, generated or produced by a run: not the repository's own text. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.cache', '.vercel', 'coverage', 'out', 'test-results', 'playwright-report']);
const SKIPPED_PATHS = new Set(['lib/generated', 'e2e/.tmp', 'bench/.tmp', 'wip']);

/** Repo-relative paths (forward slashes) of files whose name ends with one of `extensions`. */
export function repoFiles(extensions: readonly string[]): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = relative(REPO_ROOT, path).split(sep).join('/');
      if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name) || entry.name.startsWith('.next') || SKIPPED_PATHS.has(rel)) continue;
        visit(path);
      } else if (extensions.some((ext) => entry.name.endsWith(ext))) {
        found.push(rel);
      }
    }
  };
  visit(REPO_ROOT);
  return found.sort();
}

/** Source code: TypeScript and JavaScript. */
export const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs', '.js', '.cjs'] as const;
