// Comments that cite a file send the reader there: every repo path a code comment names must exist,
// and no comment may point outside the repository (a reader of a clone has nothing else).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CODE_EXTENSIONS, REPO_ROOT, repoFiles } from './repo-files';

/** Top-level folders a cited path starts with. */
const CITED_ROOTS = ['lib', 'app', 'docs', 'e2e', 'scripts', 'test', 'bench', 'prisma', 'public'];

/** Made by a run, not in a clone: a comment may describe them without them existing. */
const RUN_OUTPUT = ['e2e/.tmp', 'bench/.tmp', 'test-results', 'playwright-report', 'coverage'];

/** How an import specifier or a loose mention resolves to a file or folder. */
const CANDIDATE_SUFFIXES = ['', '.ts', '.tsx', '.mts', '.mjs', '.js', '/index.ts'];

/** `lib/…`, `@/lib/…`, `app/api/orders/[id]/route.ts`, `prisma/<provider>/…`, `lib/auth/*`. */
const CITED_PATH = new RegExp(`(?<![\\w./@-])(?:@/)?((?:${CITED_ROOTS.join('|')})/[\\w.\\-\\[\\]()/*{}<>]*)`, 'g');
/** A relative path that climbs out of its folder (one or more `..` steps, then a name). */
const RELATIVE_PATH = /(?<![\w./-])((?:\.\.\/)+[\w.\-[\]]+(?:\/[\w.\-[\]]+)*)/g;

/** Every comment of a source file, with its 1-based line (from the parse, so strings, template
 *  literals and regular expressions that contain `//` are not taken for comments). */
function commentsOf(file: string, source: string): { line: number; text: string }[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const parsed = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const starts = new Set<number>();
  const found: { line: number; text: string }[] = [];
  const collect = (ranges: ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) {
      if (starts.has(range.pos)) continue;
      starts.add(range.pos);
      found.push({ line: parsed.getLineAndCharacterOfPosition(range.pos).line + 1, text: source.slice(range.pos, range.end) });
    }
  };
  const visit = (node: ts.Node) => {
    if (node.kind !== ts.SyntaxKind.JsxText) {
      collect(ts.getLeadingCommentRanges(source, node.pos));
      collect(ts.getTrailingCommentRanges(source, node.end));
    }
    for (const child of node.getChildren(parsed)) visit(child);
  };
  visit(parsed);
  return found;
}

/** The part of a cited path that must exist: up to any glob, placeholder or route parameter. */
function checkablePart(cited: string): string {
  let path = cited.replace(/[.,:;)]+$/, '');
  const wild = path.search(/[*{<]/);
  if (wild !== -1) path = path.slice(0, path.lastIndexOf('/', wild));
  return path.replace(/\/+$/, '');
}

function exists(absolute: string): boolean {
  return CANDIDATE_SUFFIXES.some((suffix) => existsSync(absolute + suffix));
}

/** Problems with the paths cited in `comments` of `file`; `root` is the app the file belongs to. */
function problemsIn(file: string, root: string, comments: { line: number; text: string }[]): string[] {
  const problems: string[] = [];
  for (const { line, text } of comments) {
    const where = `${file}:${line}`;
    for (const match of text.matchAll(CITED_PATH)) {
      const path = checkablePart(match[1]!);
      if (!path.includes('/') || RUN_OUTPUT.some((dir) => path === dir || path.startsWith(`${dir}/`))) continue;
      if (!exists(join(root, path)) && !exists(join(REPO_ROOT, path))) problems.push(`${where} cites ${path}, which does not exist`);
    }
    for (const match of text.matchAll(RELATIVE_PATH)) {
      const path = checkablePart(match[1]!);
      const target = resolve(REPO_ROOT, dirname(file), path);
      if (relative(REPO_ROOT, target).startsWith('..')) problems.push(`${where} points outside the repository: ${path}`);
      else if (!exists(target)) problems.push(`${where} cites ${path}, which does not exist`);
    }
    if (/(?<![\w.])\/(?:work|home|Users)\//.test(text)) problems.push(`${where} cites an absolute path outside the repository`);
  }
  return problems;
}

/** A bench peer app is its own project: its comments cite paths inside it. */
function appRootOf(file: string): string {
  const peer = /^bench\/peers\/[^/]+\//.exec(file);
  return join(REPO_ROOT, peer ? peer[0] : '');
}

describe('paths cited in code comments', () => {
  const files = repoFiles(CODE_EXTENSIONS);

  it('are found in the comments of the repository’s code (the scan is not vacuous)', () => {
    expect(files).toEqual(expect.arrayContaining(['middleware.ts', 'lib/db.ts', 'scripts/test-all.mjs', 'next.config.js']));
    expect(commentsOf('lib/db.ts', readFileSync(join(REPO_ROOT, 'lib/db.ts'), 'utf8')).map((c) => c.text).join('\n')).toMatch(/lib\/db\/client\.ts/);
  });

  it('all exist, and none points outside the repository', () => {
    const problems = files.flatMap((file) => problemsIn(file, appRootOf(file), commentsOf(file, readFileSync(join(REPO_ROOT, file), 'utf8'))));
    expect(problems).toEqual([]);
  }, 60_000); // parses every source file of the repository: seconds on a loaded CI machine

  it('would catch a missing file, a missing folder and a path out of the repository', () => {
    const problems = (file: string, text: string) => problemsIn(file, REPO_ROOT, commentsOf(file, `${text}\nexport {};\n`));
    expect(problems('lib/fixture.ts', '// see lib/no-such-module.ts and docs/missing.md.')).toEqual([
      'lib/fixture.ts:1 cites lib/no-such-module.ts, which does not exist',
      'lib/fixture.ts:1 cites docs/missing.md, which does not exist',
    ]);
    expect(problems('fixture.ts', '/* the notes are in ../sibling-project/NOTES.md */')).toEqual(['fixture.ts:1 points outside the repository: ../sibling-project/NOTES.md']);
    expect(problems('lib/fixture.ts', '// in /home/someone/NOTES.md')).toEqual(['lib/fixture.ts:1 cites an absolute path outside the repository']);
    expect(problems('lib/fixture.ts', "const url = 'http://x/lib/nothing'; // lib/db/client.ts, @/lib/auth/tokens, app/api/orders/[id]/route.ts (lib/auth/*), prisma/<provider>/migrations.")).toEqual([]);
  });
});
