// The one text form the catalogue search compares: NFKC-normalised (so "ﬁ" is "fi" and full-width
// "ＭＵＧ" is "MUG") and lower-cased by Unicode rules (so "CAFÉ" finds "Café"). Products store
// it in `searchText`; a query is folded the same way and matched with LIKE, whose `%` and `_`
// are escaped (lib/shop/products.ts), so it needs no provider-specific collation.
// Plain TypeScript (no server-only): the seed script uses it too.

export function foldSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function productSearchText(product: { name: string; description: string }): string {
  return foldSearchText(`${product.name} ${product.description}`);
}

/** Longest query we look at, in characters, and the most words: a longer one is cut, never an error. */
export const MAX_QUERY_LENGTH = 100;
export const MAX_QUERY_WORDS = 8;

/** The query's words, folded, de-duplicated and bounded. Every word must appear (AND). */
export function searchWords(query: string): string[] {
  const folded = foldSearchText(query.slice(0, MAX_QUERY_LENGTH * 4)).slice(0, MAX_QUERY_LENGTH);
  return [...new Set(folded.split(/\s+/u).filter(Boolean))].slice(0, MAX_QUERY_WORDS);
}
