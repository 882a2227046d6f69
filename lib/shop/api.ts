// Shared by the shop's JSON route handlers: the session check, with its CSRF rule for writes.
import 'server-only';
import { assertSameOrigin } from '@/lib/auth/http';
import type { ApiScope } from '@/lib/auth/tokens';
import { requireSession, type Session } from '@/lib/auth/session';
import { env } from '@/lib/env';

/** The signed-in user of a read; an API token needs `scope`. */
export function requireReadSession(request: Request, scope: ApiScope): Promise<Session> {
  return requireSession(request, { scope });
}

/** The signed-in user of a state-changing request; cookie-authenticated writes must be same-origin. */
export async function requireWriteSession(request: Request, scope: ApiScope = 'cart:write'): Promise<Session> {
  const session = await requireSession(request, { scope });
  // A Bearer request carries no ambient credential, so it cannot be forged cross-site.
  if (session.via === 'cookie') assertSameOrigin(request, 'strict', env().APP_URL);
  return session;
}
