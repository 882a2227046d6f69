// What a DATABASE_URL means is decided in lib/database-url.mjs only: the app, the Prisma CLI config,
// next.config.js and the scripts all read it there, so they cannot disagree about the default
// database or about which URLs are Postgres.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_EXTENSIONS, REPO_ROOT, repoFiles } from '@/test/repo-files';
import { DEFAULT_DATABASE_URL, databaseProviderOf, databaseUrlOr, isPostgresUrl, redactDatabaseUrl } from './database-url.mjs';

describe('database URLs', () => {
  it('default to the SQLite file when unset or empty (a copied .env.example)', () => {
    expect(databaseUrlOr(undefined)).toBe(DEFAULT_DATABASE_URL);
    expect(databaseUrlOr('')).toBe(DEFAULT_DATABASE_URL);
    expect(databaseProviderOf(DEFAULT_DATABASE_URL)).toBe('sqlite');
    expect(databaseUrlOr('postgres://db.example/shop')).toBe('postgres://db.example/shop');
  });

  it('name Postgres with either scheme, any case, and nothing else', () => {
    for (const url of ['postgres://u@h/db', 'postgresql://u:p@h:5432/db', 'POSTGRES://h/db']) expect(databaseProviderOf(url)).toBe('postgres');
    for (const url of ['file:./x.db', 'mysql://h/db', 'postgres:/h/db', 'https://postgres.example/']) expect(isPostgresUrl(url)).toBe(false);
  });

  it('refuse an unsupported URL without echoing its password', () => {
    expect(() => databaseProviderOf('mysql://admin:hunter2@db.example/shop')).toThrow(/Unsupported DATABASE_URL.*admin:\*\*\*@db\.example/);
    expect(() => databaseProviderOf('mysql://admin:hunter2@db.example/shop')).not.toThrow(/hunter2/);
    expect(redactDatabaseUrl('postgres://postgres@127.0.0.1:5432/postgres')).toBe('postgres://postgres@127.0.0.1:5432/postgres');
  });

  it('are interpreted in one place: no other code spells the default or its own Postgres test', () => {
    const elsewhere = repoFiles(CODE_EXTENSIONS)
      .filter((file) => file !== 'lib/database-url.mjs' && !/\.test\.tsx?$/.test(file) && !file.startsWith('bench/peers/'))
      .flatMap((file) => {
        const source = readFileSync(join(REPO_ROOT, file), 'utf8');
        const hits = [];
        if (source.includes(DEFAULT_DATABASE_URL)) hits.push(`${file}: the default URL`);
        if (/\^postgres|startsWith\(\s*['"]postgres/.test(source)) hits.push(`${file}: its own Postgres URL test`);
        return hits;
      });
    expect(elsewhere).toEqual([]);
  });
});
