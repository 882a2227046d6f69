import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageSession } from '@/lib/auth/session';
import { getOrder } from '@/lib/shop/orders';
import { OrderDate, orderReference } from '../../_components/order-date';
import { OrderLinesTable } from '../../_components/order-lines-table';

export const metadata: Metadata = { title: 'Order' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrderPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { user } = await requirePageSession(`/orders/${encodeURIComponent(id)}`);
  // Someone else's order is "not found", exactly like one that does not exist.
  const order = await getOrder({ userId: user.id, orderId: id });
  if (!order) notFound();
  return (
    <section aria-labelledby="order-title" className="stack">
      <p className="breadcrumbs">
        <Link href="/orders">← All orders</Link>
      </p>
      {query.placed === '1' ? (
        <p role="status" className="success">
          Thank you! Your order is confirmed.
        </p>
      ) : null}
      <h1 id="order-title">Order {orderReference(order.id)}</h1>
      <p className="muted">
        Placed <OrderDate iso={order.createdAt} />. Prices are as you paid them.
      </p>
      <div className="card">
        <OrderLinesTable lines={order.items} totalCents={order.totalCents} caption={`Items in order ${orderReference(order.id)}`} />
      </div>
    </section>
  );
}
