// The catalogue's page body, the same whether rendered per request (page.tsx, from the database)
// or prerendered for visitors the server knows nothing about (prerendered-front-page/page.tsx,
// from the catalogue in code, its stock fetched by the browser: docs/architecture.md).
import Link from 'next/link';
import type { CategoryDto } from '@/lib/shop/products';
import { catalogueHref, type CatalogueQuery } from '@/lib/validation/catalogue';
import { CatalogueSearch } from './catalogue-search';
import styles from './catalogue.module.css';
import { LiveStockProvider } from './live-stock';
import { ProductCard, type CardProduct } from './product-card';

export interface CatalogueResult {
  products: CardProduct[];
  page: number;
  pageCount: number;
  total: number;
}

export function CatalogueView({ query, result, categories }: { query: CatalogueQuery; result: CatalogueResult; categories: CategoryDto[] }) {
  const filtered = Boolean(query.q || query.category);
  const categoryName = categories.find((category) => category.slug === query.category)?.name;
  const first = (result.page - 1) * query.limit + 1;
  const last = first + result.products.length - 1;
  const grid = (
    <ul className="product-grid">
      {result.products.map((product, index) => (
        <ProductCard key={product.slug} product={product} priority={index === 0} />
      ))}
    </ul>
  );
  // A prerendered page's cards hold no stock: the browser fetches this very page's from the API.
  const stockFetchedByBrowser = result.products.some((product) => product.stock === 'live');
  const products = stockFetchedByBrowser ? (
    <LiveStockProvider source={`/api/products?sort=${query.sort}&page=${result.page}&limit=${query.limit}`}>{grid}</LiveStockProvider>
  ) : (
    grid
  );

  return (
    <div className="stack">
      <section className="hero" aria-labelledby="catalogue-title">
        <p className="eyebrow">Small goods, made well</p>
        <h1 id="catalogue-title">The Tokenshop catalogue</h1>
        <p className="hero-lead">
          Browse and fill your cart without an account. You sign in only to check out, and the cart comes with you.
        </p>
      </section>

      <CatalogueSearch query={query} categories={categories} />

      <nav aria-label="Categories">
        <ul className={styles.categories}>
          <li>
            <Link href={catalogueHref({ q: query.q, sort: query.sort })} aria-current={query.category ? undefined : 'page'}>
              All
            </Link>
          </li>
          {categories.map((category) => (
            <li key={category.slug}>
              <Link href={catalogueHref({ q: query.q, sort: query.sort, category: category.slug })} aria-current={query.category === category.slug ? 'page' : undefined}>
                {category.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="products-title" className="stack">
        <h2 id="products-title" className="visually-hidden">
          {filtered ? 'Search results' : 'Products'}
        </h2>
        <p className={styles.summary} role="status" data-testid="result-summary">
          {result.total === 0
            ? 'No products found.'
            : `Showing ${first}–${last} of ${result.total} ${result.total === 1 ? 'product' : 'products'}`}
          {query.q ? <> for “{query.q}”</> : null}
          {categoryName ? <> in {categoryName}</> : null}
          {result.total > 0 ? '.' : null}
        </p>
        {result.products.length === 0 ? <EmptyResult query={query} total={result.total} /> : products}
        <Pagination query={query} page={result.page} pageCount={result.pageCount} total={result.total} />
      </section>
    </div>
  );
}

function EmptyResult({ query, total }: { query: CatalogueQuery; total: number }) {
  if (total > 0) {
    return (
      <div className={`card ${styles.empty}`}>
        <p>There is no page {query.page} for this search.</p>
        <Link href={catalogueHref({ ...query, page: 1 })} className="button">
          Go to the first page
        </Link>
      </div>
    );
  }
  if (!query.q && !query.category) {
    return (
      <p className="card">
        The shelves are empty right now. Run <code>npm run db:seed</code> to stock them.
      </p>
    );
  }
  return (
    <div className={`card ${styles.empty}`}>
      <p>Nothing matches your search. Check the spelling, use fewer words, or try another category.</p>
      <Link href="/" className="button">
        Show all products
      </Link>
    </div>
  );
}

function Pagination({ query, page, pageCount, total }: { query: CatalogueQuery; page: number; pageCount: number; total: number }) {
  if (total === 0 || pageCount <= 1) return null;
  const pages = Array.from({ length: pageCount }, (_, index) => index + 1).filter(
    (n) => n === 1 || n === pageCount || Math.abs(n - page) <= 2,
  );
  return (
    <nav aria-label="Pages">
      <ul className={styles.pages}>
        {page > 1 ? (
          <li>
            <Link href={catalogueHref({ ...query, page: Math.min(page - 1, pageCount) })} rel="prev">
              Previous<span className="visually-hidden"> page</span>
            </Link>
          </li>
        ) : null}
        {pages.map((n, index) => (
          <li key={n}>
            {index > 0 && n - pages[index - 1]! > 1 ? <span aria-hidden="true">…</span> : null}
            <Link href={catalogueHref({ ...query, page: n })} aria-current={n === page ? 'page' : undefined}>
              <span className="visually-hidden">Page </span>
              {n}
            </Link>
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <Link href={catalogueHref({ ...query, page: page + 1 })} rel="next">
              Next<span className="visually-hidden"> page</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
