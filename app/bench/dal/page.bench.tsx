// Bench-only (BENCH_ROUTES=1): the nonce-CSP page plus the DAL check (the bench sends the access
// cookie). /orders adds the middleware's token check for protected pages and the data queries.
import { requirePageSession } from '@/lib/auth/session';

export default async function BenchDalPage() {
  const { user } = await requirePageSession('/bench/dal');
  return (
    <section className="stack">
      <h1>Your orders, {user.name}</h1>
      <p>You have not placed any orders yet.</p>
    </section>
  );
}
