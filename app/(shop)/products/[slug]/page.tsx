import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatCents } from '@/lib/shop/money';
import { getProductBySlug, relatedProducts } from '@/lib/shop/products';
import { catalogueHref } from '@/lib/validation/catalogue';
import { MAX_LINE_QUANTITY } from '@/lib/validation/cart';
import { ProductCard } from '../../_components/product-card';
import { StockBadge } from '../../_components/stock-badge';
import { AddToCartForm } from './add-to-cart-form';
import { ProductImage } from '../../_components/product-image';

type Props = { params: Promise<{ slug: string }> };

/** A slug Next could not decode (`/products/%ff`) is simply not a product. */
function slugOf(raw: string): string | null {
  try {
    return decodeURIComponent(raw) === raw ? raw : decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = slugOf((await params).slug);
  const product = slug ? await getProductBySlug({ slug }) : null;
  return { title: product?.name ?? 'Product not found', description: product?.description };
}

// The page only reads: its URL never changes the cart, whatever query it carries. "Add to cart"
// is a POST form, for guests and signed-in shoppers alike.
export default async function ProductPage({ params }: Props) {
  const slug = slugOf((await params).slug);
  const product = slug ? await getProductBySlug({ slug }) : null;
  if (!product) notFound();
  const related = product.category ? await relatedProducts({ productId: product.id, categorySlug: product.category.slug }) : [];

  const max = Math.min(product.stock, MAX_LINE_QUANTITY);
  return (
    <div className="stack">
      <article className="product-detail" aria-labelledby="product-title">
        <nav aria-label="Breadcrumb" className="breadcrumbs">
          <Link href="/">All products</Link>
          {product.category ? (
            <>
              {' / '}
              <Link href={catalogueHref({ category: product.category.slug })}>{product.category.name}</Link>
            </>
          ) : null}
        </nav>
        <div className="product-detail-grid">
          <ProductImage src={product.imageUrl} alt={`Illustration of the ${product.name}`} width={800} height={600} className="product-detail-image" priority />
          <div className="stack">
            <h1 id="product-title">{product.name}</h1>
            <p className="price price-large">{formatCents(product.priceCents)}</p>
            <StockBadge stock={product.stock} />
            <p>{product.description}</p>
            {product.stock <= 0 ? (
              <p className="notice">This product is sold out, so it cannot be added to a cart. Check back soon.</p>
            ) : (
              <AddToCartForm productId={product.id} max={max} />
            )}
          </div>
        </div>
      </article>
      {related.length > 0 && product.category ? (
        <section aria-labelledby="related-title">
          <h2 id="related-title">More from {product.category.name}</h2>
          <ul className="product-grid">
            {related.map((item) => (
              <ProductCard key={item.id} product={item} headingLevel={3} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
