// Helpers for the auth integration tests: build Requests the way a browser or a script would,
// call the route handlers directly, and read the Set-Cookie answers back into a cookie header.
import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';

export const APP = 'http://localhost:3000';

export function uniqueEmail(label = 'auth'): string {
  return `${label}-${randomUUID().slice(0, 12)}@example.test`;
}

export interface CallOptions {
  body?: unknown;
  /** A raw body (string) instead of JSON.stringify(body). */
  raw?: string;
  /** Origin header; `null` leaves it out. Defaults to the app's own origin. */
  origin?: string | null;
  cookie?: string;
  bearer?: string;
  headers?: Record<string, string>;
  contentType?: string | null;
}

export function makeRequest(path: string, method: string, options: CallOptions = {}): Request {
  const headers = new Headers(options.headers);
  const origin = options.origin === undefined ? APP : options.origin;
  if (origin !== null) headers.set('origin', origin);
  if (options.cookie) headers.set('cookie', options.cookie);
  if (options.bearer) headers.set('authorization', `Bearer ${options.bearer}`);
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  const contentType = options.contentType === undefined ? (body !== undefined ? 'application/json' : null) : options.contentType;
  if (contentType) headers.set('content-type', contentType);
  return new Request(`${APP}${path}`, { method, headers, body });
}

export interface ParsedCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
  raw: string;
}

export function parseSetCookie(response: Response): Map<string, ParsedCookie> {
  const out = new Map<string, ParsedCookie>();
  for (const raw of response.headers.getSetCookie()) {
    const [pair, ...attrs] = raw.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq).trim();
    const attributes: Record<string, string | true> = {};
    for (const attr of attrs) {
      const i = attr.indexOf('=');
      if (i === -1) attributes[attr.trim().toLowerCase()] = true;
      else attributes[attr.slice(0, i).trim().toLowerCase()] = attr.slice(i + 1).trim();
    }
    out.set(name, { name, value: decodeURIComponent(pair!.slice(eq + 1).trim()), attributes, raw });
  }
  return out;
}

/** The session a response handed out: token strings and their decoded claims. */
export interface Tokens {
  access: string;
  refresh: string;
  accessClaims: { jti: string; sid: string; sub: string; exp: number; iat: number };
  refreshClaims: { jti: string; sid: string; sub: string; exp: number; iat: number };
}

export function tokensFrom(response: Response): Tokens {
  const cookies = parseSetCookie(response);
  const access = cookies.get('access')?.value;
  const refresh = cookies.get('refresh')?.value;
  if (!access || !refresh) throw new Error(`response ${response.status} set no token cookies: ${response.headers.getSetCookie().join(' | ')}`);
  return {
    access,
    refresh,
    accessClaims: decodeJwt(access) as Tokens['accessClaims'],
    refreshClaims: decodeJwt(refresh) as Tokens['refreshClaims'],
  };
}

/** The Cookie header a browser would send to /api/auth/* (both) or to pages and /api/me (access). */
export const authCookies = (t: Pick<Tokens, 'access' | 'refresh'>) => `access=${t.access}; refresh=${t.refresh}; signed-in=1`;
export const accessCookie = (t: Pick<Tokens, 'access'>) => `access=${t.access}; signed-in=1`;

export async function errorBody(response: Response): Promise<{ error: { code: string; message: string; fields?: Record<string, string[]> } }> {
  const body = await response.json();
  expectErrorShape(body);
  return body;
}

export function expectErrorShape(body: unknown): void {
  const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
  if (!error || typeof error.code !== 'string' || !/^[a-z_]+$/.test(error.code) || typeof error.message !== 'string') {
    throw new Error(`not the API error shape: ${JSON.stringify(body)}`);
  }
}
