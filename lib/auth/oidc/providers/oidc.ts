// The generic OpenID Connect provider (Google, Microsoft, Okta, Keycloak, Auth0…), configured by
// OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_LABEL, discovered from the issuer's
// /.well-known/openid-configuration with openid-client.
//
// openid-client verifies the ID token: signature from the issuer's JWKS (enableNonRepudiationChecks,
// which is off by default for the code flow), `iss`, `aud` (and `azp` when there are several
// audiences), `nonce`, `exp`, `iat`, and the PKCE verifier and `state` of the code exchange.
import 'server-only';
import * as client from 'openid-client';
import type { Env } from '@/lib/env';
import { ProviderError, type CallbackInput, type ProviderIdentity, type SignInProvider } from './types';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

// One discovery per issuer and process; a failed one is forgotten so the next attempt retries.
const discovered = new Map<string, Promise<client.Configuration>>();

function configuration(issuer: string, clientId: string, clientSecret: string): Promise<client.Configuration> {
  const key = `${issuer} ${clientId}`;
  let found = discovered.get(key);
  if (!found) {
    const url = new URL(issuer);
    // Plain http is accepted for a provider on this machine only (lib/env.ts refuses it elsewhere).
    const insecure = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
    found = client
      .discovery(url, clientId, clientSecret, client.ClientSecretBasic(clientSecret), {
        execute: [client.enableNonRepudiationChecks, ...(insecure ? [client.allowInsecureRequests] : [])],
        timeout: 10,
      })
      .catch((error: unknown) => {
        discovered.delete(key);
        throw new ProviderError('provider_unavailable', 'The sign-in provider could not be reached.', { cause: error });
      });
    discovered.set(key, found);
  }
  return found;
}

/** Forgets discovered configurations (tests start providers on new ports). */
export function forgetDiscoveredProviders(): void {
  discovered.clear();
}

function toProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof client.AuthorizationResponseError) {
    return error.error === 'access_denied'
      ? new ProviderError('denied', 'Sign-in was cancelled at the provider.', { cause: error })
      : new ProviderError('token_rejected', `The provider refused the sign-in (${error.error}).`, { cause: error });
  }
  if (error instanceof client.ResponseBodyError) {
    return error.error === 'invalid_grant'
      ? new ProviderError('expired_code', 'The sign-in code expired or was already used.', { cause: error })
      : new ProviderError('token_rejected', `The provider refused the code exchange (${error.error}).`, { cause: error });
  }
  const code = (error as { code?: unknown }).code;
  if (error instanceof TypeError || code === 'ECONNREFUSED' || (error as Error).name === 'TimeoutError') {
    return new ProviderError('provider_unavailable', 'The sign-in provider could not be reached.', { cause: error });
  }
  // Anything else is a check that failed: nonce, issuer, audience, signature, expiry…
  return new ProviderError('token_rejected', 'The answer from the sign-in provider could not be verified.', { cause: error });
}

type Claims = Record<string, unknown>;

function identityFrom(claims: Claims): ProviderIdentity {
  const email = typeof claims.email === 'string' ? claims.email : null;
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  const name = typeof claims.name === 'string' ? claims.name : null;
  return {
    subject: String(claims.sub),
    email,
    emailVerified: email !== null && verified,
    name,
    ...(typeof claims.auth_time === 'number' ? { authTime: claims.auth_time } : {}),
  };
}

export function oidcProvider(config: Env): SignInProvider | null {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = config;
  if (!issuer || !clientId || !clientSecret) return null;
  const load = () => configuration(issuer, clientId, clientSecret);
  return {
    key: 'oidc',
    label: config.OIDC_LABEL,
    // The issuer as discovery will check it (a trailing slash is part of an issuer identifier).
    accountProvider: issuer,
    supportsReauth: true,

    async authorizationUrl(request) {
      const settings = await load();
      return client.buildAuthorizationUrl(settings, {
        redirect_uri: request.redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        state: request.state,
        nonce: request.nonce,
        code_challenge: request.codeChallenge,
        code_challenge_method: 'S256',
        ...(request.reauth ? { prompt: 'login', max_age: '0' } : {}),
      });
    },

    async completeSignIn(input: CallbackInput) {
      try {
        const settings = await load();
        const tokens = await client.authorizationCodeGrant(
          settings,
          input.callbackUrl,
          { pkceCodeVerifier: input.codeVerifier, expectedState: input.state, expectedNonce: input.nonce, idTokenExpected: true },
          { redirect_uri: input.redirectUri },
        );
        const claims = tokens.claims() as Claims | undefined;
        if (!claims || typeof claims.sub !== 'string' || typeof claims.iat !== 'number') {
          throw new ProviderError('token_rejected', 'The provider sent no usable ID token.');
        }
        // Many providers put the address in the ID token; others only at userinfo, for the same subject.
        if (typeof claims.email !== 'string' && tokens.access_token) {
          const info = await client.fetchUserInfo(settings, tokens.access_token, claims.sub);
          return identityFrom({ ...info, sub: claims.sub, auth_time: claims.auth_time });
        }
        return identityFrom(claims);
      } catch (error) {
        throw toProviderError(error);
      }
    },
  };
}
