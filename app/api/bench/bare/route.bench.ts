// Bench-only (BENCH_ROUTES=1): the floor of an API route, a bare handler (outside the middleware,
// like every API route).
export function GET(): Response {
  return Response.json({ status: 'ok' });
}
