import { connection } from 'next/server';
import { listProducts } from '@/lib/shop/products';
import { ProductCard } from './_components/product-card';

export default async function CataloguePage() {
  // Stock changes with every order: render per request, never at build time.
  await connection();
  const products = await listProducts();
  return (
    <div className="stack">
      <section className="hero" aria-labelledby="catalogue-title">
        <p className="eyebrow">Small goods, made well</p>
        <h1 id="catalogue-title">The Tokenshop catalogue</h1>
        <p className="hero-lead">
          Browse freely. When you add something to your cart we ask you to sign in, and your cart is kept safe behind a
          signed token in an httpOnly cookie.
        </p>
      </section>
      <section aria-labelledby="products-title">
        <h2 id="products-title" className="visually-hidden">
          Products
        </h2>
        {products.length === 0 ? (
          <p className="card">The shelves are empty right now. Run <code>npm run db:seed</code> to stock them.</p>
        ) : (
          <ul className="product-grid">
            {products.map((product) => (
              <ProductCard key={product.id} product={product} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
