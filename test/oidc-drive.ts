// Drives the test identity providers over HTTP the way a browser would (a cookie jar, manual
// redirects), for the social sign-in integration tests: from the provider's authorization URL to
// the redirect back to the app's callback.
import { OIDC_TEST_CLIENT } from '@/e2e/support/oidc-provider';

class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const raw of response.headers.getSetCookie()) {
      const pair = raw.split(';')[0]!;
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface DriveOptions {
  /** The dev-login user name (see e2e/support/oidc-provider.ts), or a GitHub stand-in person. */
  login: string;
  /** For the GitHub stand-in: the address and whether GitHub verified it. */
  email?: string;
  verified?: boolean;
  /** Cancel at the provider instead of signing in. */
  cancel?: boolean;
  /** Where the app's callback lives: the loop stops at the first redirect there. */
  callbackPrefix: string;
}

/** Follows the provider's pages from `authorizationUrl` and returns the callback URL it redirects to. */
export async function driveOidcProvider(authorizationUrl: string, options: DriveOptions): Promise<URL> {
  const jar = new CookieJar();
  let url = authorizationUrl;
  let method = 'GET';
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
    });
    jar.take(response);
    method = 'GET';
    body = undefined;
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.toString().startsWith(options.callbackPrefix)) return next;
      url = next.toString();
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`provider answered ${response.status} at ${url}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form on the provider page ${url}: ${html.slice(0, 300)}`);
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (options.cancel && prompt === 'login') {
      url = new URL(action.replace(/&amp;/g, '&') + '/abort', url).toString();
      continue;
    }
    url = new URL(action.replace(/&amp;/g, '&'), url).toString();
    method = 'POST';
    body = new URLSearchParams(prompt === 'login' ? { prompt, login: options.login, password: 'any' } : { prompt: prompt ?? 'consent' });
  }
  throw new Error('too many redirects at the provider');
}

/** The GitHub stand-in's authorize page, submitted as a browser would. */
export async function driveGithubStandIn(authorizationUrl: string, options: DriveOptions): Promise<URL> {
  const page = new URL(authorizationUrl);
  const form = new URLSearchParams({
    client_id: page.searchParams.get('client_id') ?? '',
    redirect_uri: page.searchParams.get('redirect_uri') ?? '',
    state: page.searchParams.get('state') ?? '',
    code_challenge: page.searchParams.get('code_challenge') ?? '',
    login: options.login,
    email: options.email ?? `${options.login}@example.test`,
    decision: options.cancel ? 'deny' : 'allow',
    ...(options.verified === false ? {} : { verified: 'on' }),
  });
  const response = await fetch(new URL('/login/oauth/authorize', page), { method: 'POST', body: form, redirect: 'manual' });
  const location = response.headers.get('location');
  if (!location) throw new Error(`the GitHub stand-in answered ${response.status}`);
  return new URL(location);
}

/**
 * A real ID token for another client of the same provider (`clientId`), obtained by running that
 * client's own code flow with the given nonce.
 */
export async function idTokenForClient(input: {
  issuer: string;
  client: { id: string; secret: string };
  redirectUri: string;
  nonce: string;
  login: string;
}): Promise<string> {
  const verifier = 'v'.repeat(20) + crypto.randomUUID().replace(/-/g, '') + 'x'.repeat(11);
  const challenge = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))).toString('base64url');
  const auth = new URL('/auth', input.issuer);
  auth.search = new URLSearchParams({
    client_id: input.client.id,
    redirect_uri: input.redirectUri,
    response_type: 'code',
    scope: 'openid email profile',
    state: 'other-app-state-0123456789',
    nonce: input.nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  const back = await driveOidcProvider(auth.toString(), { login: input.login, callbackPrefix: input.redirectUri });
  const code = back.searchParams.get('code');
  if (!code) throw new Error(`no code for ${input.client.id}: ${back}`);
  const response = await fetch(new URL('/token', input.issuer), {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${input.client.id}:${input.client.secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: input.redirectUri, code_verifier: verifier }),
  });
  const tokens = (await response.json()) as { id_token?: string };
  if (!tokens.id_token) throw new Error(`no id_token for ${input.client.id}: ${JSON.stringify(tokens)}`);
  return tokens.id_token;
}

export { OIDC_TEST_CLIENT };
