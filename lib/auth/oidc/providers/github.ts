// GitHub sign-in (OAuth 2.0, not OpenID Connect: there is no ID token). The code is exchanged with
// the client secret and the PKCE verifier, then the person is read from GitHub's API: the numeric
// user id is the subject (logins can be renamed), and the address is the primary one only when
// GitHub marks it verified. GITHUB_AUTHORIZE_URL, GITHUB_TOKEN_URL and GITHUB_API_URL default to
// GitHub's own endpoints; tests point them at a local stand-in.
import 'server-only';
import { z } from '@/lib/validation/zod';
import type { Env } from '@/lib/env';
import { ProviderError, type SignInProvider } from './types';

const TIMEOUT_MS = 10_000;

const tokenAnswer = z.union([
  z.object({ access_token: z.string().min(1), token_type: z.string().optional() }),
  z.object({ error: z.string(), error_description: z.string().optional() }),
]);
const userAnswer = z.object({ id: z.number().int(), login: z.string(), name: z.string().nullish() });
const emailsAnswer = z.array(z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }));

async function call(url: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
  } catch (error) {
    throw new ProviderError('provider_unavailable', 'GitHub could not be reached.', { cause: error });
  }
  if (response.status >= 500) throw new ProviderError('provider_unavailable', `GitHub answered ${response.status}.`);
  if (!response.ok) throw new ProviderError('token_rejected', `GitHub refused the request (${response.status}).`);
  try {
    return await response.json();
  } catch (error) {
    throw new ProviderError('token_rejected', 'GitHub sent an answer that is not JSON.', { cause: error });
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ProviderError('token_rejected', 'GitHub sent an answer of an unexpected shape.');
  return result.data;
}

export function githubProvider(config: Env): SignInProvider | null {
  const { GITHUB_CLIENT_ID: clientId, GITHUB_CLIENT_SECRET: clientSecret } = config;
  if (!clientId || !clientSecret) return null;
  const api = config.GITHUB_API_URL.replace(/\/$/, '');
  const headers = (token: string) => ({
    Authorization: `Bearer ${token}`,
    Accept: 'application/vnd.github+json',
    'X-GitHub-Api-Version': '2022-11-28',
    'User-Agent': 'tokenshop',
  });
  return {
    key: 'github',
    label: 'GitHub',
    accountProvider: 'github',
    // GitHub reports no auth_time and honours no max_age: it cannot prove a fresh sign-in.
    supportsReauth: false,

    async authorizationUrl(request) {
      const url = new URL(config.GITHUB_AUTHORIZE_URL);
      url.searchParams.set('client_id', clientId);
      url.searchParams.set('redirect_uri', request.redirectUri);
      url.searchParams.set('scope', 'read:user user:email');
      url.searchParams.set('state', request.state);
      url.searchParams.set('code_challenge', request.codeChallenge);
      url.searchParams.set('code_challenge_method', 'S256');
      url.searchParams.set('allow_signup', 'true');
      return url;
    },

    async completeSignIn(input) {
      const params = input.callbackUrl.searchParams;
      const error = params.get('error');
      if (error) {
        throw error === 'access_denied'
          ? new ProviderError('denied', 'Sign-in was cancelled at GitHub.')
          : new ProviderError('token_rejected', `GitHub refused the sign-in (${error.slice(0, 60)}).`);
      }
      if (params.get('state') !== input.state) throw new ProviderError('bad_state', 'The sign-in attempt does not match this browser.');
      const code = params.get('code');
      if (!code) throw new ProviderError('token_rejected', 'GitHub sent no code.');

      const token = parse(
        tokenAnswer,
        await call(config.GITHUB_TOKEN_URL, {
          method: 'POST',
          headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'tokenshop' },
          body: new URLSearchParams({
            client_id: clientId,
            client_secret: clientSecret,
            code,
            redirect_uri: input.redirectUri,
            code_verifier: input.codeVerifier,
          }),
        }),
      );
      if ('error' in token) {
        // GitHub answers 200 with an error member; bad_verification_code is an expired or used code.
        throw token.error === 'bad_verification_code'
          ? new ProviderError('expired_code', 'The GitHub code expired or was already used.')
          : new ProviderError('token_rejected', `GitHub refused the code exchange (${token.error.slice(0, 60)}).`);
      }
      const user = parse(userAnswer, await call(`${api}/user`, { headers: headers(token.access_token) }));
      const emails = parse(emailsAnswer, await call(`${api}/user/emails`, { headers: headers(token.access_token) }));
      const primary = emails.find((e) => e.primary && e.verified) ?? null;
      return { subject: String(user.id), email: primary?.email ?? null, emailVerified: primary !== null, name: user.name ?? user.login };
    },
  };
}
