// Bench-only (BENCH_ROUTES=1): the nonce-CSP page plus the DAL check (the bench sends the access
// cookie). /orders adds the middleware's token check for protected pages and the data queries.
// (getPageSession, not requirePageSession: the page guard serves only pages of the protection
// table, and a bench route has no place there.)
import { redirect } from 'next/navigation';
import { getPageSession } from '@/lib/auth/session';

export default async function BenchDalPage() {
  const session = await getPageSession();
  if (!session) redirect('/login');
  const { user } = session;
  return (
    <section className="stack">
      <h1>Your orders, {user.name}</h1>
      <p>You have not placed any orders yet.</p>
    </section>
  );
}
