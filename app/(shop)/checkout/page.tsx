import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageSession } from '@/lib/auth/session';
import { getCart } from '@/lib/shop/cart';
import { cartFingerprint } from '@/lib/shop/cart-fingerprint';
import { formatCents } from '@/lib/shop/money';
import { OrderLinesTable } from '../_components/order-lines-table';
import { PlaceOrderForm } from './place-order-form';

export const metadata: Metadata = { title: 'Checkout' };

export default async function CheckoutPage() {
  const { user } = await requirePageSession('/checkout');
  const cart = await getCart({ userId: user.id });
  return (
    <section aria-labelledby="checkout-title" className="checkout stack">
      <h1 id="checkout-title">Checkout</h1>
      {cart.mergeCapped ? (
        <p className="notice" role="status">
          Your cart from before you signed in was added to this one, and some quantities were lowered to what a line can hold
          or what is in stock. Check them below.
        </p>
      ) : null}
      {cart.items.length === 0 ? (
        <div className="card empty-state">
          <p>Your cart is empty, so there is nothing to check out.</p>
          <Link href="/" className="button">
            Browse the catalogue
          </Link>
        </div>
      ) : (
        <div className="card stack">
          <h2>Review your order</h2>
          <OrderLinesTable lines={cart.items} totalCents={cart.totalCents} caption="Items in this order" />
          <p className="muted">
            This is a demonstration shop: placing the order takes the items out of stock, and no payment is taken.
          </p>
          {/* What this page shows is what the button orders: a cart changed since is refused. */}
          <PlaceOrderForm total={formatCents(cart.totalCents)} fingerprint={cartFingerprint(cart.items)} />
          <p>
            <Link href="/cart">Back to your cart</Link>
          </p>
        </div>
      )}
    </section>
  );
}
