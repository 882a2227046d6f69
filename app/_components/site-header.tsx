import Link from 'next/link';
import { getPageSession } from '@/lib/auth/session';
import { getCartCount } from '@/lib/shop/cart';

export async function SiteHeader() {
  const session = await getPageSession().catch(() => null);
  // The badge is a convenience: a database hiccup hides it rather than breaking every page.
  const cartCount = session ? await getCartCount({ userId: session.user.id }).catch(() => null) : null;
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link href="/" className="brand">
          Tokenshop
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <Link href="/">Shop</Link>
            </li>
            <li>
              <Link href="/learn">How it works</Link>
            </li>
            {session ? (
              <>
                <li>
                  {/* No aria-label: the visible words stay the start of the accessible name ("Cart 3 items"). */}
                  <Link href="/cart">
                    Cart
                    {cartCount === null ? null : (
                      <>
                        {' '}
                        <span className="cart-count" data-testid="cart-count">
                          {cartCount}
                        </span>
                        <span className="visually-hidden"> {cartCount === 1 ? 'item' : 'items'}</span>
                      </>
                    )}
                  </Link>
                </li>
                <li>
                  <Link href="/orders">Orders</Link>
                </li>
                <li>
                  <Link href="/account">
                    <span className="visually-hidden">Account: </span>
                    {session.user.name}
                  </Link>
                </li>
                <li>
                  {/* A plain form POST answered 303: sign-out ends in a full page load, so nothing of
                      the account stays in this page's memory or the client router's cache. */}
                  <form method="post" action="/api/auth/logout">
                    <button type="submit" className="button-link">
                      Sign out
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link href="/login">Sign in</Link>
                </li>
                <li>
                  <Link href="/signup" className="button small">
                    Create account
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
