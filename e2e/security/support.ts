// Shared by the security suite (e2e/security/*.spec.ts): victims, forged tokens, hostile
// listeners, and the assertions every attack ends with ("refused, never 500, nothing private").
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, request as playwrightRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import { SignJWT } from 'jose';
import { TEST_AUTH_SECRET } from '../../test/test-env.ts';
import { SERVERS } from '../support/servers.ts';

export const MAIN = SERVERS.main.baseURL;
export const MAIN_ORIGIN = new URL(MAIN).origin;
export const SEC = SERVERS.security.baseURL;
export const SEC_ORIGIN = new URL(SEC).origin;
export const EVIL_ORIGIN = 'https://evil.example';

export const ISSUER = 'jwt-cookie-shop';
export const AUDIENCE = 'jwt-cookie-shop';
export const SECRET = new TextEncoder().encode(TEST_AUTH_SECRET);

export interface Victim {
  id: string;
  email: string;
  name: string;
  password: string;
  access: string;
  refresh: string;
  /** A request context holding the victim's cookies (Origin set per request by the helpers). */
  api: APIRequestContext;
  orderId?: string;
}

const unique = () => `${Date.now().toString(36)}${randomUUID().slice(0, 6)}`;

/** A random documentation-range address, so sign-ups on the TRUST_PROXY server never share a bucket. */
export function randomAddress(): string {
  const byte = () => 1 + Math.floor(Math.random() * 250);
  return `198.51.${byte()}.${byte()}`;
}

export function cookieValue(response: APIResponse, name: string): string | undefined {
  for (const header of response.headersArray()) {
    if (header.name.toLowerCase() !== 'set-cookie') continue;
    const [pair] = header.value.split(';');
    const eq = pair!.indexOf('=');
    if (pair!.slice(0, eq).trim() === name) return pair!.slice(eq + 1);
  }
  return undefined;
}

export function setCookieHeaders(response: APIResponse): string[] {
  return response.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value);
}

/**
 * Signs up a victim with a distinctive name and email, optionally buys something so there is an
 * order to steal, and leaves one item in the cart.
 */
export async function createVictim(baseURL: string = MAIN, options: { order?: boolean; cart?: boolean } = {}): Promise<Victim> {
  const origin = new URL(baseURL).origin;
  const api = await playwrightRequest.newContext({ baseURL });
  const id = unique();
  const user = { email: `victim-${id}@secret-victim.test`, name: `Victim Secretname ${id}`, password: `Victim-pw-${randomUUID()}` };
  const xff: Record<string, string> = baseURL === SEC ? { 'X-Forwarded-For': randomAddress() } : {};
  const signup = await api.post('/api/auth/signup', { headers: { Origin: origin, ...xff }, data: user });
  expect(signup.status(), await signup.text()).toBe(201);
  const body = (await signup.json()) as { user: { id: string } };
  const victim: Victim = {
    ...user,
    id: body.user.id,
    access: cookieValue(signup, 'access')!,
    refresh: cookieValue(signup, 'refresh')!,
    api,
  };
  if (options.order || options.cart) {
    const products = (await (await api.get('/api/products?limit=48')).json()) as { products: { id: string; stock: number }[] };
    const [first, second] = products.products.filter((p) => p.stock > 5);
    if (options.order) {
      await addToCart(victim, first!.id, 1, origin);
      const placed = await api.post('/api/checkout', { headers: { Origin: origin } });
      expect(placed.status(), await placed.text()).toBe(201);
      victim.orderId = ((await placed.json()) as { order: { id: string } }).order.id;
    }
    if (options.cart) await addToCart(victim, second!.id, 2, origin);
  }
  return victim;
}

export async function addToCart(victim: Victim, productId: string, quantity: number, origin: string): Promise<void> {
  const added = await victim.api.post('/api/cart/items', { headers: { Origin: origin }, data: { productId, quantity } });
  expect(added.status(), await added.text()).toBe(200);
}

/** Some product ids of the seeded catalogue. */
export async function productIds(api: APIRequestContext): Promise<string[]> {
  const products = (await (await api.get('/api/products?limit=48')).json()) as { products: { id: string }[] };
  return products.products.map((p) => p.id);
}

/** Text that must never reach anyone but the victim. */
export function privateMarkers(victim: Victim): string[] {
  return [victim.email, victim.name, victim.id, ...(victim.orderId ? [victim.orderId] : [])];
}

/** The body shows none of the victim's data (case-insensitively: emails are lower-cased). */
export function expectNoPrivateData(body: string, victim: Victim, context = ''): void {
  const lower = body.toLowerCase();
  for (const marker of privateMarkers(victim)) {
    expect(lower.includes(marker.toLowerCase()), `${context}: response leaks ${marker}`).toBe(false);
  }
}

/** No stack trace or database text in a response body. */
export function expectNoInternals(body: string, context = ''): void {
  for (const pattern of [/prisma/i, /sqlite/i, /\n\s+at /, /\bat .+\.(js|ts):\d+/, /Error:/, /node_modules/]) {
    expect(pattern.test(body), `${context}: body matches ${pattern}: ${body.slice(0, 300)}`).toBe(false);
  }
}

/**
 * A refused request: 401 (or 403/400/404/405 for some shapes), a redirect to sign-in, or for
 * pages a 3xx to /login or the refresh hop; never 2xx with data, never 5xx.
 */
export function expectRefusedStatus(response: APIResponse, context = ''): void {
  const status = response.status();
  expect(status, `${context}: 5xx`).toBeLessThan(500);
  if (status >= 300 && status < 400) {
    const location = response.headers().location ?? '';
    expect(location, `${context}: redirect elsewhere than sign-in`).toMatch(/\/login\?|\/api\/auth\/refresh\?/);
    return;
  }
  expect([400, 401, 403, 404, 405, 431], `${context}: status ${status}`).toContain(status);
}

/** Base claims of a token that would be valid on the main server right now. */
export function validClaims(sub: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = Math.floor(Date.now() / 1000);
  return { iss: ISSUER, aud: AUDIENCE, sub, sid: uuidv7(), jti: uuidv7(), iat, exp: iat + 900, ...overrides };
}

/** A UUIDv7 (the app requires jti and sid to be one). */
export function uuidv7(ms = Date.now()): string {
  const hex = ms.toString(16).padStart(12, '0');
  const rand = randomUUID().replace(/-/g, '');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${rand.slice(13, 16)}-${((parseInt(rand[16]!, 16) & 0x3) | 0x8).toString(16)}${rand.slice(17, 20)}-${rand.slice(20, 32)}`;
}

/** Signs claims with the main server's real secret: the signature is good, something else must refuse it. */
export async function signWithSecret(claims: Record<string, unknown>, header: Record<string, unknown> = {}, key: Uint8Array = SECRET): Promise<string> {
  const clean = Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined));
  return new SignJWT(clean).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', ...header } as never).sign(key);
}

export const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A local HTTP listener that records every request (for jku/x5u: nothing may ever be fetched). */
export async function recordingListener(): Promise<{ url: string; requests: IncomingMessage[]; close: () => Promise<void> }> {
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ keys: [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The attacker's site: a tiny node:http server on another port that serves whatever HTML the
 * test asks for at /attack (and records the requests it gets).
 */
export async function attackerSite(host = '127.0.0.1'): Promise<{ origin: string; serve: (html: string) => string; close: () => Promise<void> }> {
  let page = '<!doctype html><title>attacker</title>';
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/attack')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(page);
      return;
    }
    res.writeHead(204);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    serve: (html: string) => {
      page = html;
      return `${origin}/attack?${unique()}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
