// Who a cart request is for: a signed-in user or a guest, decided once for route handlers,
// server actions and pages.
//
//   - A request with an Authorization header, or with an access cookie, is a user's request, and
//     its credential must be good: an expired, revoked or forged one is 401 (pages: a "sign in
//     again" notice), never a silent fall-back to the guest cart.
//   - Otherwise it is a guest's, keyed by the `cart` cookie (lib/shop/cart-cookie.ts). The cookie
//     and the Cart row are created on the first write only (throttled), never on a page view.
//   - Every write by cookie, a guest's included, passes the strict Origin check (CSRF).
import 'server-only';
import { cookies, headers } from 'next/headers';
import { actionContext } from '@/lib/auth/action-context';
import { cookieNames, isSecureRequest, readCookie } from '@/lib/auth/cookies';
import { assertSameOrigin } from '@/lib/auth/csrf';
import type { ApiScope } from '@/lib/auth/scopes';
import { getSession, requestCredential, requireSession, type Session } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { cartCookieName, guestCartCookie, isGuestCartId } from './cart-cookie';
import { createGuestCart, guestCartExists, type CartKey } from './cart';
import { throttleGuestCartCreation } from './guest-cart-limit';
import type { CookieToSet } from '@/lib/auth/cookies';

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

async function ownerFrom(session: Session | null, guestCookie: string | undefined): Promise<CartOwner> {
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

/** Route handlers: the user (a bad credential is 401) or the guest. */
export async function cartOwnerOfRequest(request: Request, scope: ApiScope): Promise<CartOwner> {
  const secure = isSecureRequest(request.headers, env().APP_URL, request.url);
  if (claimsToBeSignedIn(request.headers, readCookie(request.headers, cookieNames(secure).access))) {
    return ownerFrom(await requireSession(request, { scope }), undefined);
  }
  return ownerFrom(null, readCookie(request.headers, cartCookieName(secure)));
}

/** Route handlers that change existing lines: the owner, after the CSRF check. */
export async function cartOwnerOfWrite(request: Request): Promise<CartOwner> {
  const owner = await cartOwnerOfRequest(request, 'cart:write');
  // A Bearer request carries no ambient credential, so it cannot be forged cross-site.
  if (owner.kind === 'guest' || owner.session.via === 'cookie') assertSameOrigin(request, 'strict', env().APP_URL);
  return owner;
}

/** Route handlers that add to the cart: the owner (from cartOwnerOfWrite), and a guest cart made on demand. */
export async function cartWriterOfRequest(request: Request, owner: CartOwner): Promise<CartWriter> {
  if (owner.kind === 'user') return { key: owner.key };
  const secure = isSecureRequest(request.headers, env().APP_URL, request.url);
  return guestWriter(owner.key, request.headers, secure);
}

async function guestWriter(key: { cartId: string } | null, requestHeaders: Headers, secure: boolean): Promise<CartWriter> {
  if (key && (await guestCartExists(key.cartId))) return { key };
  await throttleGuestCartCreation(requestHeaders);
  const cartId = await createGuestCart();
  return { key: { cartId }, cookie: guestCartCookie(cartId, secure) };
}

/** Pages and server actions: who this request's cart belongs to, or 'signed_out_again'. */
export async function cartOwnerOfPage(): Promise<CartOwner | { kind: 'expired' }> {
  const requestHeaders = await headers();
  const secure = isSecureRequest(requestHeaders, env().APP_URL);
  const jar = await cookies();
  if (claimsToBeSignedIn(requestHeaders, jar.get(cookieNames(secure).access)?.value)) {
    const [session, credential] = await Promise.all([getSession(), requestCredential()]);
    return session && credential.via === 'cookie' ? ownerFrom(session, undefined) : { kind: 'expired' };
  }
  return ownerFrom(null, jar.get(cartCookieName(secure))?.value);
}

/** Server actions that change the cart: CSRF, the owner (401 for a bad credential), the cookie set. */
export async function cartWriterOfAction(): Promise<CartWriter> {
  const context = await actionContext();
  const problem = context.originProblem('strict');
  if (problem) throw problem;
  const jar = await cookies();
  if (claimsToBeSignedIn(await headers(), jar.get(cookieNames(context.secure).access)?.value)) {
    return { key: { userId: (await requireSession()).user.id } };
  }
  const writer = await guestWriter(guestKey(jar.get(cartCookieName(context.secure))?.value), await headers(), context.secure);
  if (writer.cookie) jar.set(writer.cookie.name, writer.cookie.value, writer.cookie.options);
  return writer;
}
