import type { Metadata } from 'next';
import { connection } from 'next/server';
import { listCategories, searchProducts } from '@/lib/shop/products';
import { catalogueQueryFromPage } from '@/lib/validation/catalogue';
import { CatalogueView } from './_components/catalogue-view';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = catalogueQueryFromPage(await searchParams);
  return query.q ? { title: `Search: ${query.q.slice(0, 60)}` } : {};
}

/** The catalogue rendered per request. A visitor without cookies asking for `/` with no query gets
 *  the same page prerendered instead (lib/prerendered-front-page.ts). */
export default async function CataloguePage({ searchParams }: Props) {
  // Stock changes with every order: render per request, never at build time.
  await connection();
  const query = catalogueQueryFromPage(await searchParams);
  const [result, categories] = await Promise.all([searchProducts(query), listCategories()]);
  return <CatalogueView query={query} result={result} categories={categories} />;
}
