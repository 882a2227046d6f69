import Link from 'next/link';
import { logoutAction } from '@/app/(auth)/actions';
import { getSession } from '@/lib/auth/session';
import { getCartCount } from '@/lib/shop/cart';
import { cartOwnerOfPage } from '@/lib/shop/cart-owner';
import { SubmitButton } from './submit-button';

export async function SiteHeader() {
  const session = await getSession().catch(() => null);
  // The badge is a convenience: a database hiccup hides it rather than breaking every page.
  // Guests have carts too; an ended sign-in shows no count rather than the guest cart's.
  const owner = await cartOwnerOfPage().catch(() => null);
  const cartCount = owner && owner.kind !== 'expired' ? (owner.key ? await getCartCount(owner.key).catch(() => null) : null) : null;
  const cartLink = (
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
  );
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
            {cartLink}
            {session ? (
              <>
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
                  <form action={logoutAction}>
                    <SubmitButton className="button-link" pendingText="Signing out…">
                      Sign out
                    </SubmitButton>
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
