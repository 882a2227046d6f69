import styles from './stock-badge.module.css';

/** Products with this many or fewer units left say so. */
export const LOW_STOCK = 5;

/** Stock in words, not only colour: in stock, low stock, sold out each look different. */
export function StockBadge({ stock }: { stock: number }) {
  if (stock <= 0) return <span className={`${styles.badge} ${styles.out}`} data-stock="out">Sold out</span>;
  if (stock <= LOW_STOCK) return <span className={`${styles.badge} ${styles.low}`} data-stock="low">Only {stock} left</span>;
  return <span className={`${styles.badge} ${styles.in}`} data-stock="in">In stock</span>;
}
