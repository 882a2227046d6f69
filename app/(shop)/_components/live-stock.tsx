'use client';
// The stock of a prerendered catalogue page (lib/prerendered-front-page.ts), fetched by the browser: the
// page's bytes were fixed at build time, and the stock changes with every order. One request for
// the page's products (GET /api/products with the front page's own query: by name, the first
// page); until it answers, or if it fails, a card shows no badge (the product page and the cart
// still say the stock, and checkout checks it).
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { z } from '@/lib/validation/zod';
import type { productPageSchema } from '@/lib/validation/responses';
import { StockBadge } from './stock-badge';

const LiveStock = createContext<ReadonlyMap<string, number> | null>(null);

export function LiveStockProvider({ source, children }: { source: string; children: ReactNode }) {
  const [stock, setStock] = useState<ReadonlyMap<string, number> | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch(source, { signal: controller.signal, headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? (response.json() as Promise<z.output<typeof productPageSchema>>) : null))
      .then((page) => {
        if (page) setStock(new Map(page.products.map((product) => [product.slug, product.stock])));
      })
      .catch(() => {
        // Aborted, offline or refused: the badges stay empty.
      });
    return () => controller.abort();
  }, [source]);
  return <LiveStock value={stock}>{children}</LiveStock>;
}

export function LiveStockBadge({ slug }: { slug: string }) {
  const stock = useContext(LiveStock)?.get(slug);
  return stock === undefined ? null : <StockBadge stock={stock} />;
}
