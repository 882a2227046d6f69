// The declared guard for route handlers:
//
//   export const POST = handler({ auth: 'required', scope: 'cart:write' }, async (request, { session }) => …);
//
// It applies, in this order: the Origin rule when it does not depend on the credential ('login',
// 'always'); the session check (lib/auth/session: re-verified, revocation checked, API-token scope);
// the cookie-write Origin rule (true: only when no Authorization header authenticated the request);
// step-up (`fresh`). Then the handler runs inside route() (lib/http.ts), which turns any error
// into the API's JSON error shape. Every answer, errors included, carries the CORS headers
// (lib/auth/http/cors.ts): the middleware only answers preflights.
import 'server-only';
import { env } from '@/lib/env';
import { route } from '@/lib/http';
import { assertSameOrigin, corsHeaders, readCredential } from '../http';
import { optionalSession, requireSession } from '../session';
import { requireRecentSignIn } from '../step-up';
import { requestFacts, type RequestFacts } from './respond';
import { SAFE_METHODS, markGuarded, type AuthMode, type GuardOptions, type SessionFor } from './options';

export interface RouteGuardContext<A extends AuthMode> {
  session: SessionFor<A>;
  /** Whether the request came over HTTPS, the client's address and user agent. */
  facts: RequestFacts;
}

/** What Next calls; a handler without route parameters may be called with the request alone. */
export type GuardedHandler<C> = unknown extends C
  ? (request: Request, context?: C) => Promise<Response>
  : (request: Request, context: C) => Promise<Response>;

export function handler<A extends AuthMode, C = unknown>(
  options: GuardOptions<A>,
  body: (request: Request, guard: RouteGuardContext<A>, context: C) => Promise<Response>,
): GuardedHandler<C> {
  const originRule = options.origin ?? true;
  const guarded = route<C>(async (request, context) => {
    const facts = requestFacts(request);
    const writes = !SAFE_METHODS.has(request.method);
    const appUrl = env().APP_URL;
    if (writes && originRule === 'login') assertSameOrigin(request, 'login', appUrl);
    if (writes && originRule === 'always') assertSameOrigin(request, 'strict', appUrl);

    const session =
      options.auth === 'required' ? await requireSession(request, { scope: options.scope })
      : options.auth === 'optional' ? await optionalSession(request, { scope: options.scope })
      : null;

    if (writes && originRule === true) {
      const via = session ? session.via : readCredential(request.headers, facts.secure).via;
      // A Bearer request carries no ambient credential, so it cannot be forged cross-site; nor can
      // any request with an Authorization header (a cross-site page cannot send one without a
      // preflight), and such a request is never authenticated by its cookies.
      if (via !== 'bearer' && !request.headers.has('authorization')) assertSameOrigin(request, 'strict', appUrl);
    }
    if (options.fresh && session) requireRecentSignIn(session);
    return body(request, { session: session as SessionFor<A>, facts }, context);
  });
  const withCors = async (request: Request, context: C) => {
    const response = await guarded(request, context);
    const origin = request.headers.get('origin');
    // (No Origin, no configuration read: a static route is rendered at build time, without one.)
    // Stryker disable next-line ArrayDeclaration: without an Origin, corsHeaders adds nothing whatever the list
    return withHeaders(response, corsHeaders(origin, origin ? env().CORS_ORIGINS : []));
  };
  return markGuarded(withCors as GuardedHandler<C>, 'route', options);
}

/** The response with `headers` added (a copy when its headers are immutable, as Response.redirect's are). */
function withHeaders(response: Response, headers: Record<string, string>): Response {
  let target = response;
  try {
    for (const [name, value] of Object.entries(headers)) target.headers.set(name, value);
  } catch {
    target = new Response(response.body, response);
    for (const [name, value] of Object.entries(headers)) target.headers.set(name, value);
  }
  return target;
}
