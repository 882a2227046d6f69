import Form from 'next/form';
import type { CategoryDto } from '@/lib/shop/products';
import { SORT_LABELS, SORTS, type CatalogueQuery } from '@/lib/validation/catalogue';
import { MAX_QUERY_LENGTH } from '@/lib/shop/search-text';
import styles from './catalogue.module.css';

/**
 * The catalogue's query as a plain GET form: without JavaScript the browser loads `/?q=…`;
 * with it, next/form navigates client-side. Either way the URL holds the query (shareable, Back
 * works), and a new search starts on page 1.
 */
export function CatalogueSearch({ query, categories }: { query: CatalogueQuery; categories: CategoryDto[] }) {
  return (
    // The key resets the fields when Back or a link changes the query.
    <Form action="/" role="search" aria-label="Products" className={styles.search} key={`${query.q}|${query.category ?? ''}|${query.sort}`}>
      <div className={styles.field}>
        <label htmlFor="search-q">Search</label>
        <input id="search-q" name="q" type="search" defaultValue={query.q} maxLength={MAX_QUERY_LENGTH} placeholder="Mug, wool, lamp…" autoComplete="off" />
      </div>
      <div className={styles.field}>
        <label htmlFor="search-category">Category</label>
        <select id="search-category" name="category" defaultValue={query.category ?? ''}>
          <option value="">All categories</option>
          {categories.map((category) => (
            <option key={category.slug} value={category.slug}>
              {category.name} ({category.count})
            </option>
          ))}
        </select>
      </div>
      <div className={styles.field}>
        <label htmlFor="search-sort">Sort by</label>
        <select id="search-sort" name="sort" defaultValue={query.sort}>
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        Search
      </button>
    </Form>
  );
}
