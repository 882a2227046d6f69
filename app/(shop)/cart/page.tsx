import type { Metadata } from 'next';
import Link from 'next/link';
import { getCart, type CartDto } from '@/lib/shop/cart';
import { cartOwnerOfPage } from '@/lib/shop/cart-owner';
import { formatCents } from '@/lib/shop/money';
import { MAX_LINE_QUANTITY } from '@/lib/validation/cart';
import { QuantityForm, RemoveForm } from './cart-line-forms';
import { ProductImage } from '../_components/product-image';

// Indexable like the rest of the shop: a crawler has no cart, so all it can ever see here is the
// empty cart with its way back to the catalogue. Nothing of anyone's cart can reach an index.
export const metadata: Metadata = { title: 'Your cart' };

const EMPTY: CartDto = { items: [], totalCents: 0, itemCount: 0, mergeCapped: false };

// Public: a guest's cart (by the `cart` cookie) or the signed-in user's. A sign-in that has
// ended (a revoked or forged access cookie) is said so, never swapped for the guest cart.
export default async function CartPage() {
  const owner = await cartOwnerOfPage();
  if (owner.kind === 'expired') {
    return (
      <section aria-labelledby="cart-title" className="stack">
        <h1 id="cart-title">Your cart</h1>
        <div className="card empty-state">
          <p>Your sign-in has ended. Sign in again to see your cart.</p>
          <Link href="/login?next=%2Fcart" className="button">
            Sign in
          </Link>
        </div>
      </section>
    );
  }
  const cart = owner.key ? await getCart(owner.key) : EMPTY;
  const guest = owner.kind === 'guest';
  return (
    <section aria-labelledby="cart-title" className="stack">
      <h1 id="cart-title">Your cart</h1>
      {cart.mergeCapped ? (
        <p className="notice" role="status">
          We added the cart you filled before signing in to this one. Some quantities were lowered: a line holds at most{' '}
          {MAX_LINE_QUANTITY}, and never more than we have in stock.
        </p>
      ) : null}
      {cart.items.length === 0 ? (
        <div className="card empty-state">
          <p>Your cart is empty.</p>
          <Link href="/" className="button">
            Browse the catalogue
          </Link>
        </div>
      ) : (
        <div className="cart-layout">
          <ul className="cart-lines" aria-label="Items in your cart">
            {cart.items.map((line, index) => (
              <li key={line.productId} className="cart-line card">
                {/* The first line's picture is the page's largest paint on a phone: loaded at once. */}
                <ProductImage src={line.imageUrl} alt="" width={120} height={90} className="cart-line-image" priority={index === 0} />
                <div className="cart-line-main">
                  <h2 className="cart-line-name">
                    <Link href={`/products/${line.slug}`}>{line.name}</Link>
                  </h2>
                  <p className="muted">{formatCents(line.unitPriceCents)} each</p>
                  {line.quantity > line.stock ? (
                    <p className="field-error">{line.stock <= 0 ? 'Sold out: remove it to check out.' : `Only ${line.stock} left: lower the quantity to check out.`}</p>
                  ) : null}
                  <div className="cart-line-controls">
                    <QuantityForm
                      key={line.quantity}
                      productId={line.productId}
                      name={line.name}
                      quantity={line.quantity}
                      max={Math.max(line.quantity, Math.min(line.stock, MAX_LINE_QUANTITY))}
                    />
                    <RemoveForm productId={line.productId} name={line.name} />
                  </div>
                </div>
                <p className="cart-line-total">
                  <span className="visually-hidden">Line total: </span>
                  {formatCents(line.lineTotalCents)}
                </p>
              </li>
            ))}
          </ul>
          <aside className="card order-summary" aria-labelledby="summary-title">
            <h2 id="summary-title">Summary</h2>
            <dl className="summary-rows">
              <dt>Items</dt>
              <dd>{cart.itemCount}</dd>
              <dt>Total</dt>
              <dd className="summary-total" data-testid="cart-total">
                {formatCents(cart.totalCents)}
              </dd>
            </dl>
            {cart.items.some((line) => line.quantity > line.stock) ? (
              <p className="field-error">Change or remove the items marked above to check out.</p>
            ) : guest ? (
              <>
                <Link href="/login?next=%2Fcheckout" className="button block">
                  Sign in to check out
                </Link>
                <p className="muted">
                  New here? <Link href="/signup?next=%2Fcheckout">Create an account</Link>. Your cart comes with you.
                </p>
              </>
            ) : (
              <Link href="/checkout" className="button block">
                Proceed to checkout
              </Link>
            )}
            <Link href="/" className="continue">
              Continue shopping
            </Link>
          </aside>
        </div>
      )}
    </section>
  );
}
