// The declared guard for server actions, the twin of ./route.ts:
//
//   export const checkoutAction = formAction({ auth: 'required' }, async (formData, { session }) => …);
//
// Server actions are always cookie-authenticated POSTs from our own pages, so the Origin rule is
// 'strict' by default ('login' for sign-in and sign-up). Then the session check, then step-up
// (with `reauthNext`, a stale sign-in is sent to the /account/reauth prompt, which comes back there).
// `action` lets errors through (for forms that only post and revalidate); `formAction` turns them
// into a FormState (lib/form-state.ts) the form shows, keeping what was typed.
import 'server-only';
import { redirect } from 'next/navigation';
import { AppError, badRequest, invalidValue, serviceUnavailable } from '@/lib/errors';
import { isDatabaseUnavailable, isInvalidValue } from '@/lib/db/errors';
import type { FormState } from '@/lib/form-state';
import { optionalSession, requireSession } from '../session';
import { isRecentSignIn, requireRecentSignIn } from '../step-up';
import { actionContext, type ActionContext } from './action-context';
import { markGuarded, type AuthMode, type GuardOptions, type SessionFor } from './options';

export type ActionGuardOptions<A extends AuthMode> = Omit<GuardOptions<A>, 'scope'> & {
  /** With `fresh`: a stale sign-in confirms at /account/reauth, which then returns to this path. */
  reauthNext?: string;
};

export interface ActionGuardContext<A extends AuthMode> extends Omit<ActionContext, 'originProblem'> {
  session: SessionFor<A>;
}

// Next decodes an action's arguments from the request body, so they are whatever the caller
// encoded; from our forms they are always one FormData. Anything else is refused before the body
// reads it (a `formData.get` on a string would be a 500).
function isForm(value: unknown): value is FormData { return value instanceof FormData; }
function notAForm(): AppError { return badRequest('That request was not valid.'); }

async function applyGuard<A extends AuthMode>(options: ActionGuardOptions<A>): Promise<ActionGuardContext<A>> {
  const context = await actionContext();
  const rule = options.origin ?? true;
  if (rule !== false) {
    const problem = context.originProblem(rule === 'login' ? 'login' : 'strict');
    if (problem) throw problem;
  }
  // Server actions are for the browser: an API token never reaches one (no scope is accepted).
  const session = options.auth === 'required' ? await requireSession() : options.auth === 'optional' ? await optionalSession() : null;
  if (options.fresh && session) {
    if (options.reauthNext !== undefined && !isRecentSignIn(session)) {
      redirect(`/account/reauth?next=${encodeURIComponent(options.reauthNext)}`);
    }
    requireRecentSignIn(session);
  }
  return { secure: context.secure, origin: context.origin, meta: context.meta, session: session as SessionFor<A> };
}

/** A guarded server action; errors (AppError included) propagate to the caller. */
export function action<A extends AuthMode, Args extends unknown[], R>(
  options: ActionGuardOptions<A>,
  body: (guard: ActionGuardContext<A>, ...args: Args) => Promise<R>,
): (...args: Args) => Promise<R> {
  const guarded = async (...args: Args): Promise<R> => {
    if (args.some((arg) => !isForm(arg))) throw notAForm();
    return body(await applyGuard(options), ...args);
  };
  return markGuarded(guarded, 'action', options);
}

/**
 * A guarded form action for useActionState. `values` reads what to put back into the form (never
 * a password); refusals, database outages and text the database refused (a NUL: bad input)
 * become `{ status: 'error', message, code, fields, values }`.
 */
export function formAction<Values extends object, Result = undefined, A extends AuthMode = AuthMode>(
  options: ActionGuardOptions<A> & { values?: (formData: FormData) => Values },
  body: (formData: FormData, guard: ActionGuardContext<A> & { values: Values }) => Promise<FormState<Values, Result>>,
): (previous: FormState<Values, Result>, formData: FormData) => Promise<FormState<Values, Result>> {
  const guarded = async (_previous: FormState<Values, Result>, formData: FormData): Promise<FormState<Values, Result>> => {
    if (!isForm(formData)) return { status: 'error', message: notAForm().message, code: notAForm().code };
    const values = options.values ? options.values(formData) : ({} as Values);
    try {
      return await body(formData, { ...(await applyGuard(options)), values });
    } catch (error) {
      // redirect() and notFound() work by throwing (an error with a digest): being neither a refusal
      // nor an outage, they are rethrown below, as Next needs.
      if (error instanceof AppError) {
        const message = error.code === 'unauthorized' ? 'Your sign-in has ended. Sign in again to carry on.' : error.message;
        return { status: 'error', message, code: error.code, ...(error.fields ? { fields: error.fields } : {}), values };
      }
      if (isDatabaseUnavailable(error)) {
        console.error('[db] unavailable:', (error as Error).message);
        return { status: 'error', message: serviceUnavailable().message, values };
      }
      if (isInvalidValue(error)) {
        console.warn('[db] refused a value of the form:', (error as Error).name);
        const refused = invalidValue();
        return { status: 'error', message: refused.message, code: refused.code, values };
      }
      throw error;
    }
  };
  return markGuarded(guarded, 'action', options);
}
