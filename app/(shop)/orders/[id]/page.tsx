import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageSession } from '@/lib/auth/session';
import { getOrder } from '@/lib/shop/orders';
import { getProductById } from '@/lib/shop/products';
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
  // Orders keep the name and price paid; the picture and link come from the product, if it still exists.
  const products = await Promise.all(order.items.map((item) => getProductById({ id: item.productId })));
  const lines = order.items.map((item, i) => ({ ...item, slug: products[i]?.slug, imageUrl: products[i]?.imageUrl }));
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
        <OrderLinesTable lines={lines} totalCents={order.totalCents} caption={`Items in order ${orderReference(order.id)}`} />
      </div>
    </section>
  );
}
