// The `next start` instances the browser tests run against (one build, one database each).
import { LOCAL_PRODUCTION_ENV, TEST_AUTH_SECRET } from '../../test/test-env.ts';
import { GITHUB_TEST_CLIENT } from './github-stand-in.ts';
import { OIDC_TEST_CLIENT } from './oidc-provider.ts';

/**
 * The security suite's second server signs with EdDSA. A fixed, test-only private key (never
 * valid anywhere else) so that the specs know the public half and can try to misuse it.
 */
export const SECURITY_PRIVATE_JWK = {
  kty: 'OKP',
  crv: 'Ed25519',
  kid: 'e2e-security-ed25519',
  alg: 'EdDSA',
  x: 'y22XzGZI8Qbxd9mBWkMArgN7Kea5ZKqO70TY2ACSUE0',
  d: 'H_nM61DoZ-BmWb_0YxoA4PlEkCu0jCRFcZ-xdAJfQFI',
} as const;

/** The one origin the security server lets call its API cross-origin (with a Bearer token). */
export const SECURITY_CORS_ORIGIN = 'http://allowed-client.example';

export const HOST = '127.0.0.1';

/** The SQLite file of the server on `port`, relative to the project (start-server.ts makes it afresh). */
export function databaseFile(port: number): string {
  return `e2e/.tmp/${port}.db`;
}

/**
 * E2E_PORT_BASE moves every server (e.g. to run two suites side by side); default 3100. The map:
 * +0 main, +1 short-ttl, +2 security, +3 oidc, +4 short-window (step-up), +5/+6 the mail catcher
 * (SMTP/HTTP), +7/+8 the identity providers, +9 webauthn (http://localhost), +10/+11 the security
 * suite's start-up specs (12-production-config, 11-weak-secret), +12 mail-startup.spec.ts.
 */
const BASE = Number(process.env.E2E_PORT_BASE ?? 3100);

export const SERVERS = {
  /** The normal app: default token lifetimes. */
  main: { port: BASE, baseURL: `http://${HOST}:${BASE}` },
  /** Access tokens live 4 s, for refresh/expiry specs (*.short-ttl.spec.ts). */
  shortTtl: { port: BASE + 1, baseURL: `http://${HOST}:${BASE + 1}` },
  /**
   * The security suite's second server (e2e/security): behind a "trusted proxy" (TRUST_PROXY=true,
   * so the right-most X-Forwarded-For entry is the client), EdDSA keys, and one CORS origin.
   */
  security: { port: BASE + 2, baseURL: `http://${HOST}:${BASE + 2}` },
  /**
   * The SMTP peer every app server above sends its mail to (e2e/support/mail-catcher.ts), and
   * its JSON endpoint where the specs read the mails.
   */
  mailCatcher: { smtpPort: BASE + 5, httpPort: BASE + 6, url: `http://${HOST}:${BASE + 6}` },
  /** Social sign-in (*.oidc.spec.ts): the OIDC provider and the GitHub stand-in below are configured. */
  oidc: { port: BASE + 3, baseURL: `http://${HOST}:${BASE + 3}` },
  /**
   * Passkeys (*.webauthn.spec.ts): WebAuthn refuses IP addresses, so this one is addressed as
   * http://localhost (APP_URL too: the RP ID is its host name). It still listens on HOST.
   */
  webauthn: { port: BASE + 9, baseURL: `http://localhost:${BASE + 9}` },
  /** Short windows (*.short-window.spec.ts): a sign-in counts as recent for 4 seconds (step-up). */
  shortWindow: { port: BASE + 4, baseURL: `http://${HOST}:${BASE + 4}` },
} as const;

/**
 * The identity providers the `oidc` server signs in with (e2e/support/identity-providers.ts): a
 * real OpenID provider and a GitHub stand-in. Ports from E2E_OIDC_PORT / E2E_GITHUB_PORT, else
 * next to the app servers. The OpenID issuer is on `localhost`, so the redirect back to the app
 * (on 127.0.0.1) is cross-site, as with a real provider.
 */
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? BASE + 7);
const GITHUB_PORT = Number(process.env.E2E_GITHUB_PORT ?? BASE + 8);
export const IDENTITY_PROVIDERS = {
  oidc: { port: OIDC_PORT, issuer: `http://localhost:${OIDC_PORT}`, label: 'Test ID' },
  github: { port: GITHUB_PORT, url: `http://${HOST}:${GITHUB_PORT}` },
} as const;

/** Seconds a sign-in counts as recent on the short-window server. */
export const SHORT_STEP_UP_MAX_AGE = 4;

/** The environment `next start` gets for one port (DATABASE_URL is added by start-server). */
export function serverEnv(port: number): Record<string, string> {
  return {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    AUTH_SECRET: TEST_AUTH_SECRET,
    BCRYPT_COST: '4',
    APP_URL: port === SERVERS.webauthn.port ? SERVERS.webauthn.baseURL : `http://${HOST}:${port}`,
    ...LOCAL_PRODUCTION_ENV,
    SMTP_URL: `smtp://${HOST}:${SERVERS.mailCatcher.smtpPort}`,
    MAIL_FROM: 'Tokenshop <shop@example.test>',
    MAIL_OUTBOX_BACKOFF_SECONDS: '1',
    ...(port === SERVERS.shortTtl.port ? { AUTH_ACCESS_TTL: '4' } : {}),
    ...(port === SERVERS.shortWindow.port ? { AUTH_STEP_UP_MAX_AGE: String(SHORT_STEP_UP_MAX_AGE) } : {}),
    ...(port === SERVERS.security.port
      ? {
          TRUST_PROXY: 'true',
          AUTH_JWT_ALG: 'EdDSA',
          AUTH_JWT_PRIVATE_KEY: JSON.stringify(SECURITY_PRIVATE_JWK),
          CORS_ORIGINS: SECURITY_CORS_ORIGIN,
        }
      : {}),
    ...(port === SERVERS.oidc.port
      ? {
          OIDC_ISSUER: IDENTITY_PROVIDERS.oidc.issuer,
          OIDC_CLIENT_ID: OIDC_TEST_CLIENT.id,
          OIDC_CLIENT_SECRET: OIDC_TEST_CLIENT.secret,
          OIDC_LABEL: IDENTITY_PROVIDERS.oidc.label,
          GITHUB_CLIENT_ID: GITHUB_TEST_CLIENT.id,
          GITHUB_CLIENT_SECRET: GITHUB_TEST_CLIENT.secret,
          GITHUB_AUTHORIZE_URL: `${IDENTITY_PROVIDERS.github.url}/login/oauth/authorize`,
          GITHUB_TOKEN_URL: `${IDENTITY_PROVIDERS.github.url}/login/oauth/access_token`,
          GITHUB_API_URL: IDENTITY_PROVIDERS.github.url,
        }
      : {}),
  };
}
