// Who a cart request is for: a signed-in user or a guest, decided once for route handlers,
// server actions and pages.
//
//   - A request with an Authorization header, or with an access cookie, is a user's request, and
//     its credential must be good: an expired, revoked or forged one is 401 (pages: a "sign in
//     again" notice), never a silent fall-back to the guest cart. Route handlers and server
//     actions get this from their declared guard (`auth: 'optional'`, lib/auth/session's
//     optionalSession): the session they are handed is null only for a request that presents no
//     credential at all.
//   - Otherwise it is a guest's, keyed by the `cart` cookie (lib/shop/cart-cookie.ts). The cookie
//     and the Cart row are created on the first write only (throttled), never on a page view.
//   - Every write by cookie, a guest's included, passes the strict Origin check (the guard's
//     default `origin: true`: only a Bearer request is exempt).
import 'server-only';
import { cookies, headers } from 'next/headers';
import { cookieNames, isSecureRequest, readCookie, type CookieToSet } from '@/lib/auth/http';
import { getPageSession, type Session } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { cartCookieName, guestCartCookie, isGuestCartId } from './cart-cookie';
import { createGuestCart, guestCartExists, type CartKey } from './cart';
import { throttleGuestCartCreation } from './guest-cart-limit';

/** Responses that depend on the cart cookie (or the access cookie) must never be shared. */
export const PRIVATE_NO_STORE = { 'Cache-Control': 'private, no-store' } as const;

export type CartOwner =
  | { kind: 'user'; session: Session; key: { userId: string } }
  /** `key` is null until the guest's first write. */
  | { kind: 'guest'; key: { cartId: string } | null };

export interface CartWriter {
  key: CartKey;
  /** Set when this write started a guest cart: the caller sends it. */
  cookie?: CookieToSet;
}

function guestKey(value: string | undefined): { cartId: string } | null {
  return isGuestCartId(value) ? { cartId: value } : null;
}

function ownerFrom(session: Session | null, guestCookie: string | undefined): CartOwner {
  if (session) return { kind: 'user', session, key: { userId: session.user.id } };
  return { kind: 'guest', key: guestKey(guestCookie) };
}

/**
 * Whether the request carries any credential at all, good or not: an Authorization header
 * (whatever its scheme or shape) or an access cookie (even an empty one). Such a request is a
 * user's, and is answered 401 if the credential is bad.
 */
function claimsToBeSignedIn(requestHeaders: Headers, accessCookie: string | undefined): boolean {
  return requestHeaders.has('authorization') || accessCookie !== undefined;
}

/** Route handlers: the guard's session (`auth: 'optional'`) is the user; none is the guest. */
export function cartOwnerOfRequest(request: Request, session: Session | null, secure: boolean): CartOwner {
  return ownerFrom(session, session ? undefined : readCookie(request.headers, cartCookieName(secure)));
}

/** Route handlers that add to the cart: the owner's key, and a guest cart made on demand. */
export async function cartWriterOfRequest(request: Request, owner: CartOwner, secure: boolean): Promise<CartWriter> {
  if (owner.kind === 'user') return { key: owner.key };
  return guestWriter(owner.key, request.headers, secure);
}

async function guestWriter(key: { cartId: string } | null, requestHeaders: Headers, secure: boolean): Promise<CartWriter> {
  if (key && (await guestCartExists(key.cartId))) return { key };
  await throttleGuestCartCreation(requestHeaders);
  const cartId = await createGuestCart();
  return { key: { cartId }, cookie: guestCartCookie(cartId, secure) };
}

/** Pages: who this request's cart belongs to, or 'expired' when a presented sign-in is not good. */
export async function cartOwnerOfPage(): Promise<CartOwner | { kind: 'expired' }> {
  const requestHeaders = await headers();
  const secure = isSecureRequest(requestHeaders, env().APP_URL);
  const jar = await cookies();
  if (claimsToBeSignedIn(requestHeaders, jar.get(cookieNames(secure).access)?.value)) {
    // Pages are for the browser's cookie (getPageSession): a Bearer header or a personal API token
    // never opens the account's cart here.
    const session = await getPageSession();
    return session ? ownerFrom(session, undefined) : { kind: 'expired' };
  }
  return ownerFrom(null, jar.get(cartCookieName(secure))?.value);
}

/**
 * Server actions that change an existing line (update, remove), after their guard: the user's
 * cart, or the guest's by its cookie, or null for a guest who has none. Never starts a cart: there
 * is nothing to change in one that does not exist, and a new one would spend a slot of the
 * guest-cart limit and set a cookie for nothing. (A cookie whose cart was purged or merged is
 * answered by the write itself: 409 cart_expired.)
 */
export async function cartKeyOfAction(session: Session | null, secure: boolean): Promise<CartKey | null> {
  if (session) return { userId: session.user.id };
  return guestKey((await cookies()).get(cartCookieName(secure))?.value);
}

/**
 * Server actions that add to the cart, after their guard (`auth: 'optional'`: the Origin check,
 * and 401 for a bad credential): the user's cart, or the guest's, started (and its cookie set)
 * on the first write.
 */
export async function cartWriterOfAction(session: Session | null, secure: boolean): Promise<CartWriter> {
  if (session) return { key: { userId: session.user.id } };
  const jar = await cookies();
  const writer = await guestWriter(guestKey(jar.get(cartCookieName(secure))?.value), await headers(), secure);
  if (writer.cookie) jar.set(writer.cookie.name, writer.cookie.value, writer.cookie.options);
  return writer;
}
