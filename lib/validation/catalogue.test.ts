import { describe, expect, it } from 'vitest';
import { likeContains } from '@/lib/shop/products';
import { foldSearchText, searchWords } from '@/lib/shop/search-text';
import { catalogueHref, catalogueQueryFromPage, catalogueQuerySchema } from './catalogue';

describe('search text', () => {
  it('folds case beyond ASCII and compatibility forms', () => {
    expect(foldSearchText('CAFÉ ＭＵＧ ﬁne')).toBe('café mug fine');
    expect(searchWords('  Crème   BRÛLÉE crème ')).toEqual(['crème', 'brûlée']);
  });

  it('bounds the words and their length', () => {
    expect(searchWords('a b c d e f g h i j k')).toHaveLength(8);
    expect(searchWords('x'.repeat(10_000))[0]).toHaveLength(100);
  });

  it('makes %, _ and \\ literal for LIKE', () => {
    expect(likeContains('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});

describe('catalogue query', () => {
  it('reads defaults from empty values and refuses bad ones in the API', () => {
    expect(catalogueQuerySchema.parse({ q: '', category: '', sort: '', page: '', limit: '' })).toEqual({ q: '', sort: 'name', page: 1, limit: 12 });
    for (const bad of [{ limit: '49' }, { page: '0' }, { sort: 'cheap' }, { page: '2.5' }]) {
      expect(catalogueQuerySchema.safeParse(bad).success).toBe(false);
    }
  });

  it('falls back per field on the page, and takes the first of repeated values', () => {
    expect(catalogueQueryFromPage({ q: ['mug', 'lamp'], sort: 'cheap', page: '2', limit: '500' })).toEqual({ q: 'mug', sort: 'name', page: 2, limit: 12 });
  });

  it('writes short, shareable URLs', () => {
    expect(catalogueHref({ q: '', sort: 'name', page: 1, limit: 12 })).toBe('/');
    expect(catalogueHref({ q: 'wool socks', category: 'wear', sort: 'price_desc', page: 2 })).toBe('/?q=wool+socks&category=wear&sort=price_desc&page=2');
  });
});
