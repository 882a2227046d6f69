// The catalogue query, shared by GET /api/products and the catalogue page (whose URL holds it).
// The API refuses a bad `sort`, `page` or `limit` with 400; the page falls back to the default
// for a bad field (a hand-edited URL still shows the shop). A long `q` is cut, never refused: it
// is text, however hostile (see lib/shop/search-text.ts); its control characters (a NUL, which
// Postgres refuses in any text) separate words like spaces. A category is a slug: one with a
// control character is refused like any unknown one.
import { z } from '@/lib/validation/zod';
import { MAX_QUERY_LENGTH } from '@/lib/shop/search-text';
import { hasControlCharacter, withoutControlCharacters } from '@/lib/validation/text';

export const SORTS = ['name', 'price_asc', 'price_desc', 'newest'] as const;
export type CatalogueSort = (typeof SORTS)[number];
export const SORT_LABELS: Record<CatalogueSort, string> = {
  name: 'Name (A–Z)',
  price_asc: 'Price (low to high)',
  price_desc: 'Price (high to low)',
  newest: 'Newest first',
};

export const PAGE_SIZE = 12;
export const MAX_PAGE_SIZE = 48;
export const MAX_PAGE = 1000;

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);
const whole = (label: string, max: number) =>
  z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ error: `The ${label} must be a whole number.` })
      .int(`The ${label} must be a whole number.`)
      .min(1, `The ${label} must be at least 1.`)
      .max(max, `The ${label} can be at most ${max}.`)
      .optional(),
  );

export const catalogueQuerySchema = z.object({
  // Cut before anything else looks at it: 4 UTF-16 units per character is room for any folding.
  q: z.preprocess((value) => (typeof value === 'string' ? withoutControlCharacters(value.slice(0, MAX_QUERY_LENGTH * 4)).trim() : ''), z.string()),
  category: z.preprocess(
    blankIsUnset,
    z
      .string()
      .max(64, 'Unknown category.')
      .refine((slug) => !hasControlCharacter(slug), 'Unknown category.')
      .optional(),
  ),
  sort: z.preprocess(blankIsUnset, z.enum(SORTS, { error: `Sort by one of: ${SORTS.join(', ')}.` }).default('name')),
  page: whole('page', MAX_PAGE).transform((page) => page ?? 1),
  limit: whole('limit', MAX_PAGE_SIZE).transform((limit) => limit ?? PAGE_SIZE),
});
export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;

const FIELDS = ['q', 'category', 'sort', 'page', 'limit'] as const;

/** The first value of each known parameter (a repeated `?q=a&q=b` counts once). */
function firstValues(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const field of FIELDS) {
    const value = params instanceof URLSearchParams ? params.get(field) : params[field];
    out[field] = Array.isArray(value) ? value[0] : (value ?? undefined);
  }
  return out;
}

/** For the page: each bad field falls back to its default. */
export function catalogueQueryFromPage(params: Record<string, string | string[] | undefined>): CatalogueQuery {
  const raw = firstValues(params);
  const parsed = catalogueQuerySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) delete raw[String(issue.path[0])];
  return catalogueQuerySchema.parse(raw);
}

export function catalogueQueryInput(params: URLSearchParams): Record<string, string | undefined> {
  return firstValues(params);
}

/** The page URL of a query: only what differs from the defaults, so shared links stay short. */
export function catalogueHref(query: Partial<CatalogueQuery>): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.category) params.set('category', query.category);
  if (query.sort && query.sort !== 'name') params.set('sort', query.sort);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  if (query.limit && query.limit !== PAGE_SIZE) params.set('limit', String(query.limit));
  const search = params.toString();
  return search ? `/?${search}` : '/';
}
