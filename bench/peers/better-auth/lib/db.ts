// The peer's SQLite file (PEER_DB_PATH), opened once per process with better-sqlite3, and the two
// data queries every app in the bench runs: the catalogue, and one user's orders.
import Database from 'better-sqlite3';

// `next build` imports route modules without a database: an in-memory one stands in there.
export const sqlite = new Database(process.env.PEER_DB_PATH ?? ':memory:');
sqlite.pragma('journal_mode = WAL');

export interface Product {
  id: string;
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  imageUrl: string;
  stock: number;
}

export interface OrderRow {
  id: string;
  totalCents: number;
  createdAt: string;
  itemName: string | null;
  quantity: number | null;
}

export function listProducts(): Product[] {
  return sqlite
    .prepare('SELECT id, slug, name, description, priceCents, imageUrl, stock FROM "Product" ORDER BY name ASC')
    .all() as Product[];
}

export function listOrders(userId: string): OrderRow[] {
  return sqlite
    .prepare(
      'SELECT o.id, o.totalCents, o.createdAt, i.name AS itemName, i.quantity FROM "Order" o ' +
        'LEFT JOIN "OrderItem" i ON i.orderId = o.id WHERE o.userId = ? ORDER BY o.createdAt DESC, o.id DESC',
    )
    .all(userId) as OrderRow[];
}

export function health(): void {
  sqlite.prepare('SELECT 1').get();
}
