import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

/** The branded 404: unknown paths, and orders or products that do not exist (or are not yours). */
export default function NotFound() {
  return (
    <section aria-labelledby="not-found-title" className="card empty-state not-found">
      <p className="eyebrow">Error 404</p>
      <h1 id="not-found-title">We could not find that page</h1>
      <p>The link may be old, or the address mistyped. Nothing you had in your cart is lost.</p>
      <p className="actions-row">
        <Link href="/" className="button">
          Back to the shop
        </Link>
        <Link href="/orders">Your orders</Link>
        <Link href="/learn">How sign-in works</Link>
      </p>
    </section>
  );
}
