// Bench-only (BENCH_ROUTES=1): the same bare handler, behind the middleware (its /api/ branch).
export function GET(): Response {
  return Response.json({ status: 'ok' });
}
