// Providers as data: each is on exactly when its variables are set; half a configuration stops
// the server with the missing names; provider URLs are https (http only on this machine).
import { afterEach, describe, expect, it } from 'vitest';
import { parseEnv, resetEnvForTests } from '@/lib/env';
import { TEST_ENV } from '@/test/test-env';
import { configuredProviders, findProvider } from './providers';

const NAMES = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_LABEL', 'GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET'];

afterEach(() => {
  for (const name of NAMES) delete process.env[name];
  resetEnvForTests();
});

describe('sign-in providers from the environment', () => {
  it('none without variables', () => {
    expect(configuredProviders()).toEqual([]);
    expect(findProvider('oidc')).toBeNull();
  });

  it('the OpenID provider stores its issuer, GitHub stores "github"; labels are for display', () => {
    Object.assign(process.env, {
      OIDC_ISSUER: 'https://accounts.google.com',
      OIDC_CLIENT_ID: 'id',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_LABEL: 'Google',
      GITHUB_CLIENT_ID: 'gh',
      GITHUB_CLIENT_SECRET: 'gh-secret',
    });
    resetEnvForTests();
    expect(configuredProviders().map((p) => [p.key, p.label, p.accountProvider, p.supportsReauth])).toEqual([
      ['oidc', 'Google', 'https://accounts.google.com', true],
      ['github', 'GitHub', 'github', false],
    ]);
  });

  it('GitHub asks for PKCE S256 and the state, at GitHub by default', async () => {
    Object.assign(process.env, { GITHUB_CLIENT_ID: 'gh', GITHUB_CLIENT_SECRET: 'gh-secret' });
    resetEnvForTests();
    const url = await findProvider('github')!.authorizationUrl({
      redirectUri: 'https://shop.example/api/auth/oidc/callback',
      state: 's'.repeat(22),
      nonce: 'n'.repeat(22),
      codeChallenge: 'c'.repeat(43),
      reauth: false,
    });
    expect(url.origin + url.pathname).toBe('https://github.com/login/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'gh',
      redirect_uri: 'https://shop.example/api/auth/oidc/callback',
      state: 's'.repeat(22),
      code_challenge: 'c'.repeat(43),
      code_challenge_method: 'S256',
    });
    expect(url.searchParams.has('client_secret')).toBe(false);
  });

  it('half a configuration names what is missing', () => {
    expect(() => parseEnv({ ...TEST_ENV, OIDC_ISSUER: 'https://accounts.google.com' })).toThrow(/OIDC_CLIENT_ID is required with OIDC_ISSUER[\s\S]*OIDC_CLIENT_SECRET/);
    expect(() => parseEnv({ ...TEST_ENV, GITHUB_CLIENT_SECRET: 'x' })).toThrow(/GITHUB_CLIENT_ID is required/);
  });

  it('provider URLs must be https, except on this machine', () => {
    const base = { ...TEST_ENV, OIDC_CLIENT_ID: 'id', OIDC_CLIENT_SECRET: 's' };
    expect(() => parseEnv({ ...base, OIDC_ISSUER: 'http://idp.example.com' })).toThrow(/OIDC_ISSUER must be an https/);
    expect(parseEnv({ ...base, OIDC_ISSUER: 'http://localhost:9000' }).OIDC_ISSUER).toBe('http://localhost:9000');
    expect(() => parseEnv({ ...TEST_ENV, GITHUB_TOKEN_URL: 'http://10.0.0.1/token' })).toThrow(/GITHUB_TOKEN_URL/);
  });
});
