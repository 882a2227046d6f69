// The one call every browser sign-in and sign-up makes (the forms, the JSON routes and the sign-in
// provider's callback; never the
// token endpoint or a Bearer sign-in, which carry no browser cart): merge the guest cart named by
// the `cart` cookie into the account's cart, then clear the cookie.
// A failed merge never fails the sign-in: the guest cart and its cookie stay, and the next
// sign-in merges it.
import 'server-only';
import { cookies, headers } from 'next/headers';
import type { NextResponse } from 'next/server';
import { isSecureRequest, readCookie, type CookieToSet } from '@/lib/auth/http';
import { env } from '@/lib/env';
import { mergeGuestCart } from './cart';
import { cartCookieName, clearedGuestCartCookie, isGuestCartId } from './cart-cookie';

async function merge(userId: string, cartId: string | undefined): Promise<boolean> {
  if (!isGuestCartId(cartId)) return cartId !== undefined;
  try {
    await mergeGuestCart({ userId, cartId });
    return true;
  } catch (error) {
    console.error('[cart] guest cart merge failed; kept for the next sign-in:', error);
    return false;
  }
}

/** Server actions (sign-in, sign-up forms). */
export async function mergeGuestCartAfterSignIn(userId: string): Promise<void> {
  const secure = isSecureRequest(await headers(), env().APP_URL);
  const jar = await cookies();
  if (await merge(userId, jar.get(cartCookieName(secure))?.value)) {
    const { name, value, options } = clearedGuestCartCookie(secure);
    jar.set(name, value, options);
  }
}

/** JSON routes (/api/auth/login, /api/auth/signup): clears the cookie on `response`. */
export async function mergeGuestCartOfRequest(request: Request, response: NextResponse, userId: string): Promise<NextResponse> {
  const secure = isSecureRequest(request.headers, env().APP_URL, request.url);
  if (await merge(userId, readCookie(request.headers, cartCookieName(secure)))) {
    const { name, value, options } = clearedGuestCartCookie(secure);
    response.cookies.set(name, value, options);
  }
  return response;
}

/** Redirect flows (the sign-in provider's callback): the cookies to set on the redirect. */
export async function guestCartCookiesAfterSignIn(request: Request, userId: string): Promise<CookieToSet[]> {
  const secure = isSecureRequest(request.headers, env().APP_URL, request.url);
  return (await merge(userId, readCookie(request.headers, cartCookieName(secure)))) ? [clearedGuestCartCookie(secure)] : [];
}
