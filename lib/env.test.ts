import { afterEach, describe, expect, it } from 'vitest';
import { EnvError, assertProductionConfig, env, parseEnv, productionProblems, resetEnvForTests } from './env';

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

describe('production start-up (productionProblems)', () => {
  const base = { AUTH_SECRET: 'x'.repeat(8) + 'abcdefghijklmnopqrstuvwxyz0123456789' };

  it('refuses a missing or http:// APP_URL and a missing CRON_SECRET, naming each', () => {
    const problems = productionProblems(parseEnv({ ...base, APP_URL: 'http://shop.example.com' })).join('\n');
    expect(problems).toMatch(/APP_URL must be https/);
    expect(problems).toMatch(/CRON_SECRET is required/);
    expect(productionProblems(parseEnv(base)).join('\n')).toMatch(/APP_URL is required/);
    expect(() => assertProductionConfig(parseEnv(base))).toThrow(/APP_URL/);
  });

  it('accepts https://, and http:// only with ALLOW_INSECURE_HTTP=true', () => {
    expect(productionProblems(parseEnv({ ...base, APP_URL: 'https://shop.example.com', CRON_SECRET: 'c'.repeat(20) }))).toEqual([]);
    expect(productionProblems(parseEnv({ ...base, APP_URL: 'http://127.0.0.1:3000', CRON_SECRET: 'c'.repeat(20), ALLOW_INSECURE_HTTP: 'true' }))).toEqual([]);
  });

  it('refuses the repository’s own test secrets and low-variety ones, except for a local production test', () => {
    const deployed = { APP_URL: 'https://shop.example.com', CRON_SECRET: 'c'.repeat(20) };
    for (const secret of ['test-only-auth-secret-do-not-use-in-prod-0123456', 'vercel-check-dummy-secret-0123456789-abcdefghijk', 'bench-only-secret-0123456789abcdefghijklmnopqrstuv']) {
      expect(productionProblems(parseEnv({ AUTH_SECRET: secret, ...deployed })).join('\n'), secret).toMatch(/test secret committed in this repository/);
      expect(productionProblems(parseEnv({ AUTH_SECRET: secret, ...deployed, APP_URL: 'http://127.0.0.1:3000', ALLOW_INSECURE_HTTP: 'true' }))).toEqual([]);
    }
    expect(productionProblems(parseEnv({ AUTH_SECRET: '0123456789012345678901234567890123', ...deployed })).join('\n')).toMatch(/too few distinct characters/);
  });

  it('on Vercel: trusts the proxy by default and a preview serves at https://$VERCEL_URL', () => {
    const vercel = parseEnv({ ...base, VERCEL: '1', VERCEL_URL: 'shop-git-x.vercel.app' });
    expect(vercel.TRUST_PROXY).toBe(true);
    expect(vercel.APP_URL).toBe('https://shop-git-x.vercel.app');
    expect(parseEnv({ ...base, VERCEL: '1', TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ ...base, VERCEL: '1', VERCEL_URL: 'x.vercel.app', APP_URL: 'https://shop.example.com' }).APP_URL).toBe('https://shop.example.com');
    expect(parseEnv(base).TRUST_PROXY).toBe(false);
    // Production is served at its own domain: APP_URL must be set, never taken from the deployment's host.
    const production = parseEnv({ ...base, VERCEL: '1', VERCEL_ENV: 'production', VERCEL_URL: 'shop-abc123.vercel.app', CRON_SECRET: 'c'.repeat(20) });
    expect(production.APP_URL).toBeUndefined();
    expect(productionProblems(production).join('\n')).toMatch(/APP_URL is required/);
  });

  it('reads empty strings as unset (.env.example copied as it stands)', () => {
    const config = parseEnv({ ...base, APP_URL: '', REDIS_URL: '', CRON_SECRET: '', AUTH_SESSION_MAX_AGE: '' });
    expect(config.APP_URL).toBeUndefined();
    expect(config.AUTH_SESSION_MAX_AGE).toBe(30 * 24 * 3600);
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
