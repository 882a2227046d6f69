// middleware.ts runs on the Edge runtime: a module it reaches that imports Prisma, bcrypt, the
// database, `server-only`, next/headers or a Node built-in builds fine and then fails at run time
// (or drags the database into the Edge bundle). This walks the static import graph and fails on
// any of them.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = dirname(fileURLToPath(import.meta.url));
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]!]));

/** A reason the specifier may not be reached from the Edge middleware, or null. */
function forbidden(specifier: string, resolvedPath: string | null): string | null {
  if (specifier.startsWith('node:')) return 'Node built-in';
  if (BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]!)) return 'Node built-in';
  if (specifier.startsWith('@prisma/') || specifier === 'prisma') return 'Prisma';
  if (specifier === 'bcryptjs' || specifier === 'bcrypt') return 'bcrypt';
  if (specifier === 'server-only') return 'server-only';
  if (specifier === 'next/headers') return 'next/headers';
  if (resolvedPath) {
    const rel = relative(ROOT, resolvedPath).replace(/\\/g, '/');
    if (rel === 'lib/db.ts' || rel.startsWith('lib/db/')) return 'the database module';
    if (rel.startsWith('lib/generated/')) return 'the generated Prisma client';
  }
  if (/^@\/lib\/(db|generated)(\/|$)/.test(specifier)) return 'the database module';
  return null;
}

/** Runtime imports of a module (type-only imports are erased and never reach the bundle). */
export function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found: string[] = [];
  const statement = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([\s\S]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const m of code.matchAll(statement)) {
    if (m[2]) continue; // import type … / export type …
    const clause = m[3]!;
    // import { type A, type B } from '…' is type-only too
    const named = /^\{([\s\S]*)\}$/.exec(clause.trim());
    if (named && named[1]!.split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '))) continue;
    found.push(m[4]!);
  }
  for (const m of code.matchAll(/(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g)) found.push(m[1]!); // side effects
  for (const m of code.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!); // dynamic
  for (const m of code.matchAll(/\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

function resolveLocal(specifier: string, from: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
  else return null; // a package
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.mts`, `${base}.js`, join(base, 'index.ts'), join(base, 'index.tsx')];
  for (const candidate of candidates) if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  throw new Error(`cannot resolve ${specifier} from ${relative(ROOT, from)}`);
}

export function walk(entry: string): { visited: string[]; problems: string[] } {
  const visited = new Set<string>();
  const problems: string[] = [];
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    if (visited.has(file)) continue;
    visited.add(file);
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      const local = resolveLocal(specifier, file);
      const reason = forbidden(specifier, local);
      if (reason) problems.push(`${relative(ROOT, file)} imports ${specifier} (${reason})`);
      if (local) queue.push(local);
    }
  }
  return { visited: [...visited].map((f) => relative(ROOT, f).replace(/\\/g, '/')).sort(), problems };
}

describe('middleware.ts import graph (Edge runtime)', () => {
  const result = walk(join(ROOT, 'middleware.ts'));

  it('reaches the token module it depends on (the walk is not vacuous)', () => {
    expect(result.visited).toEqual(expect.arrayContaining(['middleware.ts', 'lib/auth/tokens/jwt.ts', 'lib/auth/tokens/keys.ts', 'lib/auth/http/cookies.ts', 'lib/auth/http/paths.ts', 'lib/env.ts']));
  });

  it('imports nothing that cannot run on the Edge runtime', () => {
    expect(result.problems).toEqual([]);
  });

  it('would catch a server-only module (checked against lib/auth/session/dal.ts)', () => {
    const { problems } = walk(join(ROOT, 'lib/auth/session/dal.ts'));
    const text = problems.join('\n');
    expect(text).toMatch(/server-only/);
    expect(text).toMatch(/next\/headers/);
    expect(text).toMatch(/the database module/);
    expect(text).toMatch(/Prisma|Node built-in|bcrypt/);
  });

  it('parses the import forms it needs to', () => {
    expect(
      importsOf(`import a from 'a';\nimport { b } from "b";\nimport type { T } from 't';\nimport { type U } from 'u';\nexport { c } from './c';\nimport 'side';\nconst d = await import('d');\n// import x from 'commented';`),
    ).toEqual(['a', 'b', './c', 'side', 'd']);
  });
});
