import Image from 'next/image';
import Link from 'next/link';
import type { ProductDto } from '@/lib/shop/products';
import { formatCents } from '@/lib/shop/money';
import { StockBadge } from './stock-badge';

export function ProductCard({ product }: { product: ProductDto }) {
  return (
    <li className="product-card">
      {/* The image is decorative here: the link text names the product. */}
      <Image src={product.imageUrl} alt="" width={400} height={300} className="product-card-image" unoptimized />
      <div className="product-card-body">
        <h2 className="product-card-title">
          <Link href={`/products/${product.slug}`} className="product-card-link">
            {product.name}
          </Link>
        </h2>
        <p className="product-card-description">{product.description}</p>
        <div className="product-card-meta">
          <span className="price">{formatCents(product.priceCents)}</span>
          <StockBadge stock={product.stock} />
        </div>
      </div>
    </li>
  );
}
