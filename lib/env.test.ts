import { afterEach, describe, expect, it } from 'vitest';
import { EnvError, env, parseEnv, resetEnvForTests } from './env';

const SECRET = 'Zq8vP2mL9xR4tY7wK1nB5cH3jF6gD0sA-_+=';

function problem(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error(`parseEnv accepted ${JSON.stringify(source)}`);
}

describe('parseEnv', () => {
  it('accepts a good secret and fills every default', () => {
    const parsed = parseEnv({ AUTH_SECRET: SECRET });
    expect(parsed).toMatchObject({
      AUTH_SECRET: SECRET,
      AUTH_JWT_ALG: 'HS256',
      AUTH_ACCESS_TTL: 900,
      AUTH_REFRESH_TTL: 14 * 24 * 3600,
      AUTH_REFRESH_GRACE: 10,
      BCRYPT_COST: 11,
      CORS_ORIGINS: [],
      TRUST_PROXY: false,
      DATABASE_URL: 'file:./data/dev.db',
    });
  });

  it('a missing AUTH_SECRET is refused with a message naming it', () => {
    expect(problem({})).toMatch(/AUTH_SECRET/);
  });

  it('a short AUTH_SECRET is refused, naming it and the minimum', () => {
    const message = problem({ AUTH_SECRET: SECRET.slice(0, 31) });
    expect(message).toMatch(/AUTH_SECRET/);
    expect(message).toMatch(/32/);
  });

  it('a weak AUTH_SECRET of sufficient length is refused, naming it', () => {
    for (const weak of ['a'.repeat(64), 'abababababababababababababababababab', 'replace-me-with-at-least-32-random-bytes', 'REPLACE-ME-WITH-AT-LEAST-32-RANDOM-BYTES']) {
      expect(problem({ AUTH_SECRET: weak }), weak).toMatch(/AUTH_SECRET/);
    }
  });

  it('parses TTLs from strings and refuses nonsense, naming the variable', () => {
    expect(parseEnv({ AUTH_SECRET: SECRET, AUTH_ACCESS_TTL: '60', AUTH_REFRESH_TTL: '3600', AUTH_REFRESH_GRACE: '0' })).toMatchObject({
      AUTH_ACCESS_TTL: 60,
      AUTH_REFRESH_TTL: 3600,
      AUTH_REFRESH_GRACE: 0,
    });
    for (const bad of ['0', '-5', 'abc', '1.5']) {
      expect(problem({ AUTH_SECRET: SECRET, AUTH_ACCESS_TTL: bad }), bad).toMatch(/AUTH_ACCESS_TTL/);
    }
    expect(problem({ AUTH_SECRET: SECRET, AUTH_REFRESH_GRACE: '-1' })).toMatch(/AUTH_REFRESH_GRACE/);
  });

  it('CORS_ORIGINS lists origins and refuses *', () => {
    expect(parseEnv({ AUTH_SECRET: SECRET, CORS_ORIGINS: 'https://a.example, https://b.example' }).CORS_ORIGINS).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(problem({ AUTH_SECRET: SECRET, CORS_ORIGINS: '*' })).toMatch(/CORS_ORIGINS/);
    expect(problem({ AUTH_SECRET: SECRET, CORS_ORIGINS: 'https://a.example,*' })).toMatch(/CORS_ORIGINS/);
  });

  it('DATABASE_URL must be a file: or postgres:// URL', () => {
    for (const url of ['file:./data/dev.db', 'postgres://u:p@db.example:5432/shop', 'postgresql://u@localhost/shop']) {
      expect(parseEnv({ AUTH_SECRET: SECRET, DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
    for (const url of ['mysql://u@localhost/shop', 'sqlite:dev.db', './dev.db', 'http://db.example']) {
      expect(problem({ AUTH_SECRET: SECRET, DATABASE_URL: url }), url).toMatch(/DATABASE_URL/);
    }
  });

  it('names every bad variable at once', () => {
    const message = problem({ AUTH_SECRET: 'short', BCRYPT_COST: '40', APP_URL: 'not a url' });
    expect(message).toMatch(/AUTH_SECRET/);
    expect(message).toMatch(/BCRYPT_COST/);
    expect(message).toMatch(/APP_URL/);
  });

  it('never echoes the secret in the message', () => {
    expect(problem({ AUTH_SECRET: 'short-unique-marker' })).not.toContain('unique-marker');
  });
});

describe('env()', () => {
  afterEach(() => {
    delete process.env.AUTH_ACCESS_TTL;
    resetEnvForTests();
  });

  it('is parsed once and memoised until reset', () => {
    process.env.AUTH_ACCESS_TTL = '120';
    resetEnvForTests();
    expect(env().AUTH_ACCESS_TTL).toBe(120);
    process.env.AUTH_ACCESS_TTL = '240';
    expect(env().AUTH_ACCESS_TTL).toBe(120);
    resetEnvForTests();
    expect(env().AUTH_ACCESS_TTL).toBe(240);
  });
});

describe('empty values', () => {
  it('count as unset, so .env.example copied to .env parses (APP_URL=, CRON_SECRET=, REDIS_URL=)', async () => {
    const { readFileSync } = await import('node:fs');
    const example = Object.fromEntries(
      readFileSync(new URL('../.env.example', import.meta.url), 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(example.APP_URL).toBe('');
    const parsed = parseEnv({ ...example, AUTH_SECRET: 'k'.repeat(8) + 'abcdefghijklmnopqrstuvwxyz0123456789' });
    expect(parsed.APP_URL).toBeUndefined();
    expect(parsed.CRON_SECRET).toBeUndefined();
    expect(parsed.DATABASE_URL).toBe('file:./data/dev.db');
  });
});
