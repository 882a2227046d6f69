// `npm run test:mutation:changed` retests only the security-core files changed since the commit
// the committed mutation report was produced on. If it picks too few, a weakened rule passes CI
// unmutated; these pin which entries it picks, against real git in a temporary repository.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changedByHash, changedEntries, changedPathsSince, fileHashes, hasCommit, mutateFile } from './mutation-changed.mjs';

const MUTATE = ['lib/auth/tokens/scopes.ts', 'lib/auth/http/cookies.ts:93-121', 'lib/shop/cart.ts:63-230', 'lib/shop/orders.ts:282-347'];

describe('mutateFile', () => {
  it('drops a line range, in either of Stryker\'s forms, and nothing else', () => {
    expect(mutateFile('lib/auth/http/cookies.ts:93-121')).toBe('lib/auth/http/cookies.ts');
    expect(mutateFile('lib/a.ts:5:3-10:7')).toBe('lib/a.ts');
    expect(mutateFile('lib/auth/tokens/scopes.ts')).toBe('lib/auth/tokens/scopes.ts');
  });
});

describe('changedEntries', () => {
  it('keeps the entries whose file changed, with their line ranges', () => {
    expect(changedEntries({ mutate: MUTATE, changedPaths: ['lib/shop/cart.ts', 'README.md'], baseMutate: MUTATE })).toEqual(['lib/shop/cart.ts:63-230']);
  });

  it('keeps nothing when only other files changed', () => {
    expect(changedEntries({ mutate: MUTATE, changedPaths: ['docs/security.md', 'lib/auth/tokens/scopes.test.ts'], baseMutate: MUTATE })).toEqual([]);
  });

  it('keeps an entry the base run did not mutate (a new file, or a moved range), even if its file is unchanged', () => {
    const base = MUTATE.filter((entry) => !entry.startsWith('lib/shop/orders.ts'));
    expect(changedEntries({ mutate: MUTATE, changedPaths: [], baseMutate: [...base, 'lib/shop/orders.ts:1-20'] })).toEqual(['lib/shop/orders.ts:282-347']);
  });

  it('does not match a file by prefix', () => {
    expect(changedEntries({ mutate: MUTATE, changedPaths: ['lib/shop/cart.ts.orig', 'lib/auth/tokens/scopes.tsx'], baseMutate: MUTATE })).toEqual([]);
  });
});

describe('changedPathsSince (real git)', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  const write = (path: string, text: string) => {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  };

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'mutation-changed-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'test');
    git('config', 'commit.gpgsign', 'false');
    write('lib/shop/cart.ts', 'export const a = 1;\n');
    write('lib/shop/orders.ts', 'export const b = 1;\n');
    write('lib/auth/tokens/scopes.ts', 'export const c = 1;\n');
    write('.gitignore', 'ignored/\n');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
  });

  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('finds nothing on the base commit itself', () => {
    const base = git('rev-parse', 'HEAD');
    expect(changedPathsSince(base, repo)).toEqual([]);
    expect(changedEntries({ mutate: MUTATE, changedPaths: changedPathsSince(base, repo), baseMutate: MUTATE })).toEqual([]);
  });

  it('finds a file changed in a later commit, and one changed but not committed', () => {
    const base = git('rev-parse', 'HEAD');
    write('lib/shop/cart.ts', 'export const a = 2;\n');
    git('commit', '-q', '-am', 'change the cart');
    write('lib/shop/orders.ts', 'export const b = 2;\n');
    expect(changedPathsSince(base, repo).sort()).toEqual(['lib/shop/cart.ts', 'lib/shop/orders.ts']);
    expect(changedEntries({ mutate: MUTATE, changedPaths: changedPathsSince(base, repo), baseMutate: MUTATE })).toEqual([
      'lib/shop/cart.ts:63-230',
      'lib/shop/orders.ts:282-347',
    ]);
  });

  it('finds a file changed and changed back as unchanged, and ignores ignored files', () => {
    const base = git('rev-parse', 'HEAD');
    write('lib/shop/cart.ts', 'export const a = 2;\n');
    git('commit', '-q', '-am', 'change');
    write('lib/shop/cart.ts', 'export const a = 1;\n');
    git('commit', '-q', '-am', 'change back');
    write('ignored/lib/shop/cart.ts', 'x');
    expect(changedPathsSince(base, repo)).toEqual([]);
  });

  it('counts a staged change, a deletion and an untracked file', () => {
    const base = git('rev-parse', 'HEAD');
    write('lib/shop/cart.ts', 'export const a = 3;\n');
    git('add', 'lib/shop/cart.ts');
    git('rm', '-q', 'lib/auth/tokens/scopes.ts');
    write('lib/new.ts', 'new');
    expect(changedPathsSince(base, repo).sort()).toEqual(['lib/auth/tokens/scopes.ts', 'lib/new.ts', 'lib/shop/cart.ts']);
  });

  it('knows whether the base commit is in the clone', () => {
    expect(hasCommit(git('rev-parse', 'HEAD'), repo)).toBe(true);
    expect(hasCommit('0123456789abcdef0123456789abcdef01234567', repo)).toBe(false);
    expect(hasCommit('--help', repo)).toBe(false);
  });
});

describe('changedByHash (a clone without the base commit)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mutation-hash-'));
    mkdirSync(join(dir, 'lib/shop'), { recursive: true });
    writeFileSync(join(dir, 'lib/shop/cart.ts'), 'export const a = 1;\n');
    writeFileSync(join(dir, 'lib/shop/orders.ts'), 'export const b = 1;\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the files whose content changed, was deleted, or was never recorded', () => {
    const files = ['lib/shop/cart.ts', 'lib/shop/orders.ts'];
    const recorded = fileHashes(files, dir);
    expect(changedByHash(recorded, files, dir)).toEqual([]);
    writeFileSync(join(dir, 'lib/shop/cart.ts'), 'export const a = 2;\n');
    expect(changedByHash(recorded, files, dir)).toEqual(['lib/shop/cart.ts']);
    rmSync(join(dir, 'lib/shop/orders.ts'));
    expect(changedByHash(recorded, files, dir)).toEqual(['lib/shop/cart.ts', 'lib/shop/orders.ts']);
    expect(changedByHash({}, ['lib/shop/cart.ts'], dir)).toEqual(['lib/shop/cart.ts']);
  });
});

describe('mutateArgument (what a partial `npm run test:mutation -- --mutate …` records)', () => {
  it('reads --mutate a,b and --mutate=a,b and -m; null without one', async () => {
    const { mutateArgument } = await import('./mutation-run.mjs');
    expect(mutateArgument(['--mutate', 'lib/a.ts:1-5,lib/b.ts'])).toEqual(['lib/a.ts:1-5', 'lib/b.ts']);
    expect(mutateArgument(['--force', '--mutate=lib/a.ts'])).toEqual(['lib/a.ts']);
    expect(mutateArgument(['-m', 'lib/b.ts'])).toEqual(['lib/b.ts']);
    expect(mutateArgument(['--force'])).toBeNull();
  });
});
