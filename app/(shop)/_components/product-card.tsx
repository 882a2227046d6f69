import Link from 'next/link';
import type { ProductDto } from '@/lib/shop/products';
import { formatCents } from '@/lib/shop/money';
import styles from './product-card.module.css';
import { LiveStockBadge } from './live-stock';
import { StockBadge } from './stock-badge';
import { ProductImage } from './product-image';

/** What a card shows. `stock: 'live'`: the page was prerendered, and the browser fetches the stock. */
export type CardProduct = Pick<ProductDto, 'slug' | 'name' | 'description' | 'priceCents' | 'imageUrl'> & { stock: number | 'live' };

/** `priority`: the first card of a list, the largest paint on a phone (one column): loaded at once. */
export function ProductCard({ product, headingLevel = 2, priority = false }: { product: CardProduct; headingLevel?: 2 | 3; priority?: boolean }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const soldOut = product.stock !== 'live' && product.stock <= 0;
  return (
    <li className={`product-card ${styles.productCard}`} data-sold-out={soldOut ? 'true' : undefined}>
      {/* The image is decorative here: the link text names the product. */}
      <ProductImage src={product.imageUrl} alt="" width={400} height={300} className="product-card-image" priority={priority} />
      <div className="product-card-body">
        <Heading className="product-card-title">
          <Link href={`/products/${product.slug}`} className="product-card-link">
            {product.name}
          </Link>
        </Heading>
        <p className="product-card-description">{product.description}</p>
        <div className="product-card-meta">
          <span className="price">{formatCents(product.priceCents)}</span>
          {product.stock === 'live' ? <LiveStockBadge slug={product.slug} /> : <StockBadge stock={product.stock} />}
        </div>
      </div>
    </li>
  );
}
