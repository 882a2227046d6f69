// Bench-only (BENCH_ROUTES=1): the same page rendered per request, still outside the middleware.
import { connection } from 'next/server';

export default async function BenchDynamicPage() {
  await connection();
  return (
    <section className="stack">
      <h1>Your orders</h1>
      <p>You have not placed any orders yet.</p>
    </section>
  );
}
