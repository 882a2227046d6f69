// The shop's pages with a control character in the URL (a NUL, which Postgres refuses in any text
// value): /products/%00 and /orders/%00 are the not-found page, never the error page; the catalogue
// takes ?q=%00 as no word and drops ?category=%00 like any bad field. Pages read the request
// through next/headers, replaced here by the request's own headers; the database is real.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startSession } from '@/lib/auth/sign-ins';
import { searchProducts } from '@/lib/shop/products';
import { catalogueQueryFromPage } from '@/lib/validation/catalogue';
import { request } from '@/test/next-headers';
import { createUser } from '@/test/shop-data';
import OrderPage from './orders/[id]/page';
import ProductPage, { generateMetadata } from './products/[slug]/page';

vi.mock('next/headers', async () => (await import('@/test/next-headers')).nextHeaders);

const SPELLINGS = ['%00', '\u0000', 'aurora-mug%00', 'aurora-mug\u0000', '%01x', 'a\nb'];

/** What the page threw: 'not-found' for next/navigation's notFound(), else the error itself. */
async function outcome(render: () => Promise<unknown>): Promise<string> {
  try {
    await render();
    return 'rendered';
  } catch (error) {
    if ((error as { digest?: unknown }).digest === 'NEXT_HTTP_ERROR_FALLBACK;404') return 'not-found';
    throw error;
  }
}

beforeEach(() => {
  request.headers = new Headers();
});

describe('/products/:slug with a control character', () => {
  it('is the not-found page (and its title says so), never the error page', async () => {
    for (const slug of SPELLINGS) {
      const params = Promise.resolve({ slug });
      expect(await outcome(() => ProductPage({ params })), slug).toBe('not-found');
      expect((await generateMetadata({ params })).title, slug).toBe('Product not found');
    }
    // The positive control: a real product renders.
    expect(await outcome(() => ProductPage({ params: Promise.resolve({ slug: 'aurora-mug' }) }))).toBe('rendered');
  });
});

describe('/orders/:id with a control character', () => {
  it('is the not-found page for a signed-in shopper, never the error page', async () => {
    const user = await createUser('ctl-pages');
    request.headers = new Headers({ cookie: `access=${(await startSession(user.id)).access.token}` });
    for (const id of SPELLINGS) {
      expect(await outcome(() => OrderPage({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) })), id).toBe('not-found');
    }
  });
});

describe('the catalogue (/) with a control character in its query', () => {
  it('takes ?q=%00 as no word, and drops ?category=%00 like any bad field', async () => {
    const all = await searchProducts(catalogueQueryFromPage({}));
    for (const q of ['\u0000', '\u0000\u0001', ' \u0000 ']) {
      const query = catalogueQueryFromPage({ q });
      expect(query.q).toBe('');
      expect((await searchProducts(query)).total).toBe(all.total);
    }
    const mug = await searchProducts(catalogueQueryFromPage({ q: 'mug' }));
    expect((await searchProducts(catalogueQueryFromPage({ q: 'mug\u0000' }))).total).toBe(mug.total);
    for (const category of ['\u0000', 'kitchen\u0000', '\u001f']) {
      const query = catalogueQueryFromPage({ category, q: 'mug' });
      expect(query.category).toBeUndefined();
      expect(query.q).toBe('mug');
      expect((await searchProducts(query)).total).toBe(mug.total);
    }
  });
});
