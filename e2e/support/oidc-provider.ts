// A real OpenID Connect provider (the `oidc-provider` package) on loopback, for the tests of
// social sign-in. Its development login page takes any user name (and any password); the user
// name decides who signs in:
//   "alice@example.test"              sub "alice@example.test", email verified
//   "work:alice@example.test"         another person (sub "work:alice@…") with the same address
//   "unverified:bob@example.test"     the address is NOT verified by the provider
// Clients: `tokenshop` (the app under test) and `other-app` (another relying party of the same
// provider, for the "ID token for another audience" case). Both use the given redirect URIs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

export const OIDC_TEST_CLIENT = { id: 'tokenshop', secret: 'test-only-oidc-client-secret-0123456789' } as const;
export const OIDC_OTHER_CLIENT = { id: 'other-app', secret: 'test-only-other-client-secret-0123456789' } as const;

export interface TestOidcProvider {
  issuer: string;
  port: number;
  /** Replaces the id_token of the next token response (an attacker or a confused provider). */
  substituteNextIdToken(idToken: string): void;
  close(): Promise<void>;
}

/** Who a dev-login user name stands for (see the top of this file). */
export function testAccountClaims(login: string): { sub: string; email: string; email_verified: boolean; name: string } {
  const tag = login.includes(':') ? login.slice(0, login.lastIndexOf(':')) : '';
  const email = login.slice(login.lastIndexOf(':') + 1).toLowerCase();
  return { sub: login, email, email_verified: !tag.split(/[+,]/).includes('unverified'), name: `Test ${email.split('@')[0]}` };
}

export async function startOidcProvider(options: { port: number; host?: string; redirectUris: string[] }): Promise<TestOidcProvider> {
  const host = options.host ?? 'localhost';
  // Listen first (port 0 picks a free one), then build the provider for the real issuer URL.
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host === 'localhost' ? '127.0.0.1' : host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${host}:${port}`;
  const client = (c: { id: string; secret: string }) => ({
    client_id: c.id,
    client_secret: c.secret,
    redirect_uris: options.redirectUris,
    response_types: ['code'] as const,
    grant_types: ['authorization_code'] as const,
    token_endpoint_auth_method: 'client_secret_basic' as const,
  });
  const configuration: Configuration = {
    clients: [client(OIDC_TEST_CLIENT), client(OIDC_OTHER_CLIENT)],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Put the requested claims in the ID token too (as Google does), not only at userinfo.
    conformIdTokenClaims: false,
    cookies: { keys: ['test-only-oidc-provider-cookie-key-0123456789'] },
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => testAccountClaims(id) }),
    // Skip the consent screen: the person consented once and for all (the login page can still cancel).
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['email', 'email_verified', 'name']);
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: true } },
  };
  const provider = new Provider(issuer, configuration);
  let substitute: string | null = null;
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/token' && substitute && ctx.body && typeof ctx.body === 'object' && 'id_token' in ctx.body) {
      ctx.body = { ...(ctx.body as Record<string, unknown>), id_token: substitute };
      substitute = null;
    }
  });
  server.on('request', provider.callback());
  return {
    issuer,
    port,
    substituteNextIdToken(idToken) {
      substitute = idToken;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
