import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageSession } from '@/lib/auth/session';
import { formatCents } from '@/lib/shop/money';
import { listOrders } from '@/lib/shop/orders';
import { OrderDate, orderReference } from '../_components/order-date';

export const metadata: Metadata = { title: 'Your orders' };

export default async function OrdersPage() {
  const { user } = await requirePageSession('/orders');
  const orders = await listOrders({ userId: user.id });
  return (
    <section aria-labelledby="orders-title" className="stack">
      <h1 id="orders-title">Your orders</h1>
      {orders.length === 0 ? (
        <div className="card empty-state">
          <p>You have not placed any orders yet.</p>
          <Link href="/" className="button">
            Browse the catalogue
          </Link>
        </div>
      ) : (
        <ul className="order-list">
          {orders.map((order) => {
            const units = order.items.reduce((sum, item) => sum + item.quantity, 0);
            return (
              <li key={order.id} className="card order-card">
                <div>
                  <h2>
                    <Link href={`/orders/${order.id}`}>Order {orderReference(order.id)}</Link>
                  </h2>
                  <p className="muted">
                    Placed <OrderDate iso={order.createdAt} /> · {units} {units === 1 ? 'item' : 'items'}
                  </p>
                  <p className="order-card-items">{order.items.map((item) => `${item.quantity} × ${item.name}`).join(', ')}</p>
                </div>
                <p className="order-card-total">{formatCents(order.totalCents)}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
