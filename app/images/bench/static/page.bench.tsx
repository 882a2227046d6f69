// Bench-only (BENCH_ROUTES=1): the floor of a page, prerendered at build time, outside the
// middleware (whose matcher skips /images/). The body is the empty orders page.
export const dynamic = 'force-static';

export default function BenchStaticPage() {
  return (
    <section className="stack">
      <h1>Your orders</h1>
      <p>You have not placed any orders yet.</p>
    </section>
  );
}
