// The front page as a visitor the server knows nothing about sees it, prerendered at build time
// and served at `/` for the visitors lib/prerendered-front-page.ts picks (why that is safe:
// docs/architecture.md). 'force-static' makes cookies() read empty while it renders, so the root layout's
// header renders signed out with no cart, as such a visitor's would.
import { frontPageCatalogue } from '@/lib/shop/front-page-catalogue';
import { catalogueQueryFromPage } from '@/lib/validation/catalogue';
import { CatalogueView } from '../_components/catalogue-view';

export const dynamic = 'force-static';

export default function PrerenderedFrontPage() {
  const { categories, ...result } = frontPageCatalogue();
  return <CatalogueView query={catalogueQueryFromPage({})} result={result} categories={categories} />;
}
