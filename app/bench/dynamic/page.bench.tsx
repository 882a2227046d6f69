// Bench-only (BENCH_ROUTES=1): the dynamic page behind the middleware, which gives it a nonce CSP.
import { connection } from 'next/server';

export default async function BenchNoncePage() {
  await connection();
  return (
    <section className="stack">
      <h1>Your orders</h1>
      <p>You have not placed any orders yet.</p>
    </section>
  );
}
