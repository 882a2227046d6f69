import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getPageSession } from '@/lib/auth/session';
import { formatCents } from '@/lib/shop/money';
import { getProductBySlug } from '@/lib/shop/products';
import { addCartItemSchema, MAX_LINE_QUANTITY } from '@/lib/validation/cart';
import { QuantityInput } from '../../_components/quantity-input';
import { StockBadge } from '../../_components/stock-badge';
import { AddToCartForm } from './add-to-cart-form';
import { AutoAdd } from './auto-add';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await getProductBySlug({ slug: (await params).slug });
  return { title: product?.name ?? 'Product not found', description: product?.description };
}

export default async function ProductPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const product = await getProductBySlug({ slug });
  if (!product) notFound();
  const session = await getPageSession().catch(() => null);

  // ?add=1&quantity=N is where "Add to cart" leads while signed out: sign in first, then come back.
  const pending =
    query.add === '1'
      ? addCartItemSchema.safeParse({ productId: product.id, quantity: typeof query.quantity === 'string' ? Number(query.quantity) : 1 })
      : null;
  const here = `/products/${product.slug}`;
  if (pending?.success && !session) {
    redirect(`/login?next=${encodeURIComponent(`${here}?add=1&quantity=${pending.data.quantity}`)}`);
  }

  const max = Math.min(product.stock, MAX_LINE_QUANTITY);
  return (
    <article className="product-detail" aria-labelledby="product-title">
      <p className="breadcrumbs">
        <Link href="/">← All products</Link>
      </p>
      <div className="product-detail-grid">
        <Image src={product.imageUrl} alt={`Illustration of the ${product.name}`} width={800} height={600} className="product-detail-image" unoptimized priority />
        <div className="stack">
          <h1 id="product-title">{product.name}</h1>
          <p className="price price-large">{formatCents(product.priceCents)}</p>
          <StockBadge stock={product.stock} />
          <p>{product.description}</p>
          {pending?.success && session ? <AutoAdd productId={product.id} quantity={pending.data.quantity} slug={product.slug} /> : null}
          {product.stock <= 0 ? (
            <p className="notice">This product is sold out. Check back soon.</p>
          ) : session ? (
            <AddToCartForm productId={product.id} max={max} />
          ) : (
            // Signed out: a plain GET back to this page with ?add=1, which sends the visitor to sign in.
            <form action={here} method="get" className="add-to-cart">
              <input type="hidden" name="add" value="1" />
              <QuantityInput id="quantity" max={max} />
              <button type="submit" className="button">
                Add to cart
              </button>
              <p className="hint">You will be asked to sign in first, then brought back here with the item in your cart.</p>
            </form>
          )}
        </div>
      </div>
    </article>
  );
}
