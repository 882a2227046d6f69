import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageSession } from '@/lib/auth/session';
import { formatCents } from '@/lib/shop/money';
import { getOrder } from '@/lib/shop/orders';
import { OrderDate, orderReference } from '../../_components/order-date';

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
        <table className="order-table">
          <caption className="visually-hidden">Items in order {orderReference(order.id)}</caption>
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
            {order.items.map((item) => (
              <tr key={item.productId}>
                <th scope="row">{item.name}</th>
                <td className="num">{formatCents(item.unitPriceCents)}</td>
                <td className="num">{item.quantity}</td>
                <td className="num">{formatCents(item.unitPriceCents * item.quantity)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Order total
              </th>
              <td className="num" data-testid="order-total">
                {formatCents(order.totalCents)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
