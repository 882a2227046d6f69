// The markup both pages render (the same payload in every app of the bench).
import type { OrderRow, Product } from './db';

export function Catalogue({ products }: { products: Product[] }) {
  return (
    <section>
      <h1>The catalogue</h1>
      <ul>
        {products.map((p) => (
          <li key={p.id}>
            <img src={p.imageUrl} alt="" width={160} height={120} />
            <h2>
              <a href={`/products/${p.slug}`}>{p.name}</a>
            </h2>
            <p>{p.description}</p>
            <p>
              {(p.priceCents / 100).toFixed(2)} · {p.stock} in stock
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Orders({ name, orders }: { name: string; orders: OrderRow[] }) {
  return (
    <section>
      <h1>Your orders, {name}</h1>
      {orders.length === 0 ? (
        <p>You have not placed any orders yet.</p>
      ) : (
        <ul>
          {orders.map((o, i) => (
            <li key={`${o.id}-${i}`}>
              {o.id}: {o.quantity} × {o.itemName} · {(o.totalCents / 100).toFixed(2)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
