// The checks every /api/account write shares: a sign-in token (never a personal API token), the
// origin check when the request is authenticated by cookie, and step-up where the change is
// sensitive. (Handlers call it first thing; the declared guards replace it when they land.)
import 'server-only';
import { env } from '@/lib/env';
import { assertSameOrigin } from './csrf';
import { requireSession, type Session } from './session';
import { requireRecentSignIn } from './step-up';

export async function requireAccountWrite(request: Request, { stepUp }: { stepUp: boolean }): Promise<Session> {
  const session = await requireSession(request);
  if (session.via === 'cookie') assertSameOrigin(request, 'strict', env().APP_URL);
  if (stepUp) requireRecentSignIn(session);
  return session;
}
