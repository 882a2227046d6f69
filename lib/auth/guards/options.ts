// What an endpoint declares it needs. The route-handler guard (./route.ts) and the server-action
// guard (./action.ts) read the same options and apply them in the same order, so that no handler
// or action checks the origin or the session by hand (lib/auth/guards/guards.test.ts lists them).
import type { Session } from '../session';
import type { ApiScope } from '../tokens';

export type AuthMode = 'none' | 'optional' | 'required';

/**
 * The Origin (CSRF) check of a state-changing request:
 * - true (the default): cookie-authenticated writes must carry our own Origin; a request
 *   authenticated by an Authorization header carries no ambient credential and is exempt;
 * - 'always': every write, whatever authenticates it (the refresh cookie, the /learn demo);
 * - 'login': sign-in and sign-up; a foreign or `null` Origin is refused, a missing one allowed;
 * - false: no check (the token endpoint, the scheduler, read-only routes say so explicitly).
 * Reads (GET, HEAD, OPTIONS) never change state and are never checked.
 */
export type OriginRule = boolean | 'always' | 'login';

export interface GuardOptions<A extends AuthMode = AuthMode> {
  /** none: nobody is looked up; optional: the session if there is one; required: 401 without. */
  auth: A;
  /** The API-token scope this endpoint accepts. Without it, API tokens get 403 insufficient_scope. */
  scope?: ApiScope;
  origin?: OriginRule;
  /** Step-up: the sign-in must be recent (lib/auth/step-up.ts), else 403 reauth_required. */
  fresh?: boolean;
}

export type SessionFor<A extends AuthMode> = A extends 'required' ? Session : A extends 'optional' ? Session | null : null;

const GUARD = Symbol.for('tokenshop.guard');

/** Marks a guarded function with its options, so tests can list what each endpoint declared. */
export function markGuarded<F extends object>(fn: F, kind: 'route' | 'action', options: GuardOptions): F {
  if ((options.scope || options.fresh) && options.auth !== 'required') {
    throw new Error('A guard with a scope or `fresh` must require a session (auth: "required").');
  }
  Object.defineProperty(fn, GUARD, { value: { kind, ...options }, enumerable: false });
  return fn;
}

/** The options a function was guarded with, or undefined when it was not guarded. */
export function guardOf(fn: unknown): (GuardOptions & { kind: 'route' | 'action' }) | undefined {
  if (typeof fn !== 'function') return undefined;
  return (fn as unknown as Record<symbol, GuardOptions & { kind: 'route' | 'action' }>)[GUARD];
}

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
