import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageSession } from '@/lib/auth/session';
import { getCart } from '@/lib/shop/cart';
import { formatCents } from '@/lib/shop/money';
import { PlaceOrderForm } from './place-order-form';

export const metadata: Metadata = { title: 'Checkout' };

export default async function CheckoutPage() {
  const { user } = await requirePageSession('/checkout');
  const cart = await getCart({ userId: user.id });
  return (
    <section aria-labelledby="checkout-title" className="checkout stack">
      <h1 id="checkout-title">Checkout</h1>
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
          <table className="order-table">
            <caption className="visually-hidden">Items in this order</caption>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col" className="num">
                  Price
                </th>
                <th scope="col" className="num">
                  Qty
                </th>
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {cart.items.map((line) => (
                <tr key={line.productId}>
                  <th scope="row">{line.name}</th>
                  <td className="num">{formatCents(line.unitPriceCents)}</td>
                  <td className="num">{line.quantity}</td>
                  <td className="num">{formatCents(line.lineTotalCents)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  Order total
                </th>
                <td className="num">{formatCents(cart.totalCents)}</td>
              </tr>
            </tfoot>
          </table>
          <p className="muted">
            This is a demonstration shop: placing the order takes the items out of stock, and no payment is taken.
          </p>
          <PlaceOrderForm total={formatCents(cart.totalCents)} />
          <p>
            <Link href="/cart">Back to your cart</Link>
          </p>
        </div>
      )}
    </section>
  );
}
