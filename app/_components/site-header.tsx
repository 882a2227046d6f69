// The site header. Wide screens show every link in a row; phones show the brand, the cart and a
// "Menu" disclosure holding the rest (a <details>: it works without JavaScript). The two lists are
// the same links; CSS shows one of them at a time, so assistive technology only meets one.
import Link from 'next/link';
import { getPageSession } from '@/lib/auth/session';
import { getCartCount } from '@/lib/shop/cart';
import { cartOwnerOfPage } from '@/lib/shop/cart-owner';
import { MenuDisclosure } from './menu-disclosure';
import { NavLink } from './nav-link';

function CartLink({ count }: { count: number | null }) {
  return (
    // No aria-label: the visible words stay the start of the accessible name ("Cart 3 items").
    <NavLink href="/cart">
      Cart
      {count ? (
        <>
          {' '}
          <span className="cart-count" data-testid="cart-count">
            {count}
          </span>
          <span className="visually-hidden"> {count === 1 ? 'item' : 'items'}</span>
        </>
      ) : null}
    </NavLink>
  );
}

function NavItems({ signedIn, name, cartCount, withCart }: { signedIn: boolean; name: string; cartCount: number | null; withCart: boolean }) {
  return (
    <ul className="nav-list">
      <li>
        <NavLink href="/">Shop</NavLink>
      </li>
      <li>
        <NavLink href="/learn">How it works</NavLink>
      </li>
      {withCart ? (
        <li>
          <CartLink count={cartCount} />
        </li>
      ) : null}
      {signedIn ? (
        <>
          <li>
            <NavLink href="/orders" match="prefix">
              Orders
            </NavLink>
          </li>
          <li>
            <NavLink href="/account">
              <span className="visually-hidden">Account: </span>
              {name}
            </NavLink>
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
            <NavLink href="/login">Sign in</NavLink>
          </li>
          <li>
            <Link href="/signup" className="button small header-cta">
              Create account
            </Link>
          </li>
        </>
      )}
    </ul>
  );
}

export async function SiteHeader() {
  const session = await getPageSession().catch(() => null);
  // The badge is a convenience: a database hiccup hides it rather than breaking every page.
  // Guests have carts too; an ended sign-in shows no count rather than the guest cart's.
  const owner = await cartOwnerOfPage().catch(() => null);
  const cartCount = owner && owner.kind !== 'expired' && owner.key ? await getCartCount(owner.key).catch(() => null) : null;
  const props = { signedIn: !!session, name: session?.user.name ?? '', cartCount };
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link href="/" className="brand">
          Tokenshop
        </Link>
        <nav aria-label="Main" className="nav-wide">
          <NavItems {...props} withCart />
        </nav>
        <div className="nav-narrow">
          {/* Guests have carts too. */}
          <nav aria-label="Cart" className="nav-cart">
            <CartLink count={cartCount} />
          </nav>
          <nav aria-label="Main menu">
            <MenuDisclosure>
              <NavItems {...props} withCart={false} />
            </MenuDisclosure>
          </nav>
        </div>
      </div>
    </header>
  );
}
