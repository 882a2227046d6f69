import Link from 'next/link';
import { formatCents } from '@/lib/shop/money';
import { ProductImage } from './product-image';

export interface OrderLine {
  productId: string;
  name: string;
  unitPriceCents: number;
  quantity: number;
  /** When the product still exists: its picture and a link to it. */
  slug?: string;
  imageUrl?: string;
}

/** The lines of an order (or of a cart about to become one), with the total. */
export function OrderLinesTable({ lines, totalCents, caption }: { lines: OrderLine[]; totalCents: number; caption: string }) {
  return (
    <table className="order-table">
      <caption className="visually-hidden">{caption}</caption>
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
        {lines.map((line) => (
          <tr key={line.productId}>
            <th scope="row">
              <span className="order-line-product">
                {line.imageUrl ? <ProductImage src={line.imageUrl} alt="" width={56} height={42} className="order-line-image" /> : null}
                {line.slug ? <Link href={`/products/${line.slug}`}>{line.name}</Link> : line.name}
              </span>
            </th>
            <td className="num">{formatCents(line.unitPriceCents)}</td>
            <td className="num">{line.quantity}</td>
            <td className="num">{formatCents(line.unitPriceCents * line.quantity)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            Order total
          </th>
          <td className="num" data-testid="order-total">
            {formatCents(totalCents)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
