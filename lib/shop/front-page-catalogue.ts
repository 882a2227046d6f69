// The catalogue's first page as the prerendered front page shows it (docs/architecture.md),
// taken from the catalogue in code: the build has no database (docs/deploy.md), and the seed makes
// the database's products follow this list (name, description, price, picture, shelf). The stock
// is the database's alone, so it is left to the browser. front-page-catalogue.int.test.ts checks,
// on SQLite and Postgres, that a seeded database lists the same page in the same order.
import { CATALOGUE, CATEGORIES, productImageUrl } from '@/prisma/catalogue';
import type { CategoryDto, ProductDto } from './products';
import { PAGE_SIZE } from '@/lib/validation/catalogue';

export interface FrontPageCatalogue {
  /** The stock is the database's alone: 'live' tells the card to fetch it in the browser. */
  products: (Pick<ProductDto, 'slug' | 'name' | 'description' | 'priceCents' | 'imageUrl'> & { stock: 'live' })[];
  page: 1;
  pageCount: number;
  total: number;
  categories: CategoryDto[];
}

/** By name as the database's `ORDER BY "name"` sorts them (code point order, as SQLite's BINARY). */
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function frontPageCatalogue(): FrontPageCatalogue {
  const products = [...CATALOGUE]
    .sort(byName)
    .slice(0, PAGE_SIZE)
    .map(({ slug, name, description, priceCents }) => ({ slug, name, description, priceCents, imageUrl: productImageUrl(slug), stock: 'live' as const }));
  const categories = [...CATEGORIES]
    .sort(byName)
    .map(({ slug, name }) => ({ slug, name, count: CATALOGUE.filter((product) => product.category === slug).length }));
  return { products, page: 1, pageCount: Math.ceil(CATALOGUE.length / PAGE_SIZE), total: CATALOGUE.length, categories };
}
