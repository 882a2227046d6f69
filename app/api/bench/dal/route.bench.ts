// Bench-only (BENCH_ROUTES=1): a bare handler plus the DAL check (token verification and its one
// database round trip). /api/me adds the declared guard (route()'s error handling, the CORS
// headers) and the response body.
import { getSession } from '@/lib/auth/session';

export async function GET(request: Request): Promise<Response> {
  const session = await getSession(request);
  return Response.json({ ok: session !== null }, { status: session ? 200 : 401 });
}
