import { connection } from 'next/server';
import { listProducts } from '@/lib/db';
import { Catalogue } from '@/lib/views';

export default async function CataloguePage() {
  await connection(); // stock changes with every order: rendered per request, as in the app
  return <Catalogue products={listProducts()} />;
}
