// HTTP helpers for the bench: sign up and sign in through the app's own JSON API.
import { BENCH_PASSWORD } from './bench-env';

export interface SignedIn {
  email: string;
  /** The access token from the `access` cookie (HTTP, so no __Host- prefix). */
  accessToken: string;
  cookieHeader: string;
}

function cookiesOf(response: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
  return jar;
}

export async function signUp(origin: string, email: string): Promise<SignedIn> {
  const response = await fetch(`${origin}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password: BENCH_PASSWORD, name: 'Bench user' }),
  });
  if (response.status !== 201) throw new Error(`signup of ${email}: ${response.status} ${await response.text()}`);
  const jar = cookiesOf(response);
  const accessToken = jar.get('access');
  if (!accessToken) throw new Error(`signup set no access cookie (got ${[...jar.keys()].join(', ')})`);
  // Only the access cookie: the refresh cookie is path-scoped to /api/auth and never sent to pages.
  return { email, accessToken, cookieHeader: `access=${accessToken}` };
}

export async function signIn(origin: string, email: string, signal?: AbortSignal): Promise<number> {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    signal,
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  await response.arrayBuffer();
  return response.status;
}
