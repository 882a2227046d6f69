// Bench-only (BENCH_ROUTES=1): behind the middleware (on a path it does not protect), plus the
// DAL check (token verification and its one database round trip). /api/me adds the middleware's
// own token check, route()'s error handling and the response body.
import { getSession } from '@/lib/auth/session';

export async function GET(request: Request): Promise<Response> {
  const session = await getSession(request);
  return Response.json({ ok: session !== null }, { status: session ? 200 : 401 });
}
