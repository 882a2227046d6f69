// The guest cart's cookie: a random 128-bit id that names a Cart row with no user. It is the only
// thing that ties a signed-out visitor to their cart, so it follows the token cookies' rules:
// httpOnly, SameSite=Lax, `__Host-` (Secure, Path=/, no Domain) over HTTPS; 30 days.
// Set only by a cart write, never by a page view, and cleared when a sign-in merges the cart.
// Runtime-neutral (Web Crypto, no Node imports): the middleware reads the name.
import type { CookieToSet } from '@/lib/auth/http';

export const GUEST_CART_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function cartCookieName(secure: boolean): string {
  return secure ? '__Host-cart' : 'cart';
}

/** 16 random bytes in base64url: 22 characters. */
export function newGuestCartId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The shape every guest cart id has; anything else in the cookie is ignored. */
export function isGuestCartId(value: string | undefined | null): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{22}$/.test(value);
}

export function guestCartCookie(cartId: string, secure: boolean): CookieToSet {
  return {
    name: cartCookieName(secure),
    value: cartId,
    options: { httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge: GUEST_CART_MAX_AGE_SECONDS },
  };
}

export function clearedGuestCartCookie(secure: boolean): CookieToSet {
  return { ...guestCartCookie('', secure), options: { ...guestCartCookie('', secure).options, maxAge: 0 } };
}
