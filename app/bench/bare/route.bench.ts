// Bench-only (built only with BENCH_ROUTES=1, see next.config.js): a bare handler on a path the
// middleware runs on (a page path), to price the middleware itself. Every page pays it; API routes
// paid it too until the matcher left them out (docs/benchmarks.md).
export function GET(): Response {
  return Response.json({ status: 'ok' });
}
