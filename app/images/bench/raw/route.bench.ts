// Bench-only (built only with BENCH_ROUTES=1, see next.config.js): the floor of an API route, a
// bare handler. Under /images/ because the middleware's matcher already skips that prefix.
export function GET(): Response {
  return Response.json({ status: 'ok' });
}
