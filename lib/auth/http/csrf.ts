// Cross-site request forgery defence for requests authenticated by cookie.
//
// SameSite=Lax already keeps the cookies off cross-site POSTs in modern browsers; this is the
// second lock, and the one that also covers same-site siblings and older browsers: a
// state-changing request must say where it came from (Origin), and that must be us.
// Runtime-neutral.
import { forbiddenOrigin, type AppError } from '@/lib/errors';

export type OriginPolicy =
  /** Cookie-authenticated writes: Origin must be present and ours. */
  | 'strict'
  /** Sign-in and sign-up: a foreign or `null` Origin is refused (login CSRF), a missing one is
   *  allowed (scripts and curl send none), unless the browser says the request is cross-site. */
  | 'login';

/** The origin this app is served from: APP_URL when set, else the request's own. */
export function appOrigin(requestUrl: string, appUrl?: string): string {
  return new URL(appUrl ?? requestUrl).origin;
}

export function originProblem(headers: Headers, expectedOrigin: string, policy: OriginPolicy): AppError | null {
  const origin = headers.get('origin');
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return forbiddenOrigin();
  if (origin === null) return policy === 'login' ? null : forbiddenOrigin();
  if (origin !== expectedOrigin) return forbiddenOrigin();
  return null;
}

export function assertSameOrigin(request: Request, policy: OriginPolicy, appUrl?: string): void {
  const problem = originProblem(request.headers, appOrigin(request.url, appUrl), policy);
  if (problem) throw problem;
}
