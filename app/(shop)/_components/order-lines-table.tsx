import { formatCents } from '@/lib/shop/money';

export interface OrderLine {
  productId: string;
  name: string;
  unitPriceCents: number;
  quantity: number;
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
            <th scope="row">{line.name}</th>
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
