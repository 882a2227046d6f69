// What the browser downloads: every module a client component reaches through value imports. A
// constant imported from a schema module once pulled all of zod (90 KB gzip, set up with a side
// effect in lib/validation/zod.ts, so never tree-shaken) onto each page with a quantity box or a
// password field; the token module would bring jose and the environment's schema. Client
// components take such values from lib/validation/limits.ts, or as props from a server component.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, repoFiles } from '@/test/repo-files';

/** Modules and packages that must never be in a client bundle. */
const SERVER_ONLY = [/^lib\/validation\/zod\.ts$/, /^lib\/auth\//, /^lib\/db\//, /^zod$/, /^jose$/];
const SUFFIXES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(join(REPO_ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function directive(source: ts.SourceFile): string | undefined {
  const first = source.statements[0];
  return first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) ? first.expression.text : undefined;
}

/** The specifiers a module imports or re-exports as values (`import type` left out). */
function valueImports(source: ts.SourceFile): string[] {
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) {
      const named = statement.importClause?.namedBindings;
      const onlyTypes = !statement.importClause?.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found;
}

/** A repo-relative file for a local specifier, the package name for a package. */
function resolveSpecifier(from: string, specifier: string): string {
  const base = specifier.startsWith('@/') ? join(REPO_ROOT, specifier.slice(2)) : specifier.startsWith('.') ? resolve(REPO_ROOT, dirname(from), specifier) : null;
  if (!base) return specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  const hit = SUFFIXES.map((suffix) => base + suffix).find((path) => existsSync(path) && !path.endsWith(sep));
  return hit ? relative(REPO_ROOT, hit).split(sep).join('/') : specifier;
}

/** Each module a client file reaches, with the chain of imports that leads there. */
function reach(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    const source = parse(file);
    // A server action module reaches the browser as references only.
    if (file !== entry && directive(source) === 'use server') continue;
    for (const specifier of valueImports(source)) {
      const target = resolveSpecifier(file, specifier);
      if (seen.has(target) || specifier.endsWith('.css')) continue;
      seen.set(target, [...seen.get(file)!, target]);
      if (/\.tsx?$/.test(target) && existsSync(join(REPO_ROOT, target))) queue.push(target);
    }
  }
  return seen;
}

const clientFiles = repoFiles(['.ts', '.tsx'])
  .filter((file) => file.startsWith('app/') && !file.includes('.test.'))
  .filter((file) => directive(parse(file)) === 'use client');

describe('client components', () => {
  it('are found', () => {
    expect(clientFiles).toContain('app/_components/nav-link.tsx');
  });

  it.each(clientFiles)('%s reaches no server-only module', (file) => {
    const chains = [...reach(file)].filter(([target]) => SERVER_ONLY.some((rule) => rule.test(target))).map(([, chain]) => chain.join(' → '));
    expect(chains).toEqual([]);
  });
});
