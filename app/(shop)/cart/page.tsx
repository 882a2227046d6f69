import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { requirePageSession } from '@/lib/auth/session';
import { getCart } from '@/lib/shop/cart';
import { formatCents } from '@/lib/shop/money';
import { MAX_LINE_QUANTITY } from '@/lib/validation/cart';
import { QuantityForm, RemoveForm } from './cart-line-forms';

export const metadata: Metadata = { title: 'Your cart' };

export default async function CartPage() {
  const { user } = await requirePageSession('/cart');
  const cart = await getCart({ userId: user.id });
  return (
    <section aria-labelledby="cart-title" className="stack">
      <h1 id="cart-title">Your cart</h1>
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
            {cart.items.map((line) => (
              <li key={line.productId} className="cart-line card">
                <Image src={line.imageUrl} alt="" width={120} height={90} className="cart-line-image" unoptimized />
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
