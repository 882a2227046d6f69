// For /account's void server actions (forms without state): a refusal (4xx: another user's sign-in
// or token, an id that does not exist, a foreign origin, two-step sign-in already on in another
// tab) comes back to /account with a notice, never as a 500 with a stack in the log; a lapsed
// sign-in goes to sign in again. Only the error's code travels in the URL, and the page maps the
// codes it knows to its own words (NOTICES in page.tsx). It wraps the guarded action, so the
// guard's own refusals are covered too, and keeps the guard's declaration for the tests that list them.
import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { guardOf, markGuarded } from '@/lib/auth/guards';
import { isInvalidValue } from '@/lib/db/errors';
import { AppError } from '@/lib/errors';

export function refusalsToNotice<Args extends unknown[]>(guarded: (...args: Args) => Promise<void>): (...args: Args) => Promise<void> {
  const wrapped = async (...args: Args): Promise<void> => {
    try {
      await guarded(...args);
    } catch (error) {
      // Text the database refused (a NUL in a hidden field, on Postgres) is bad input too.
      if (isInvalidValue(error)) redirect('/account?notice=invalid_request#notice');
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      if (error.status === 401) redirect('/login?next=/account');
      redirect(`/account?notice=${encodeURIComponent(error.code)}#notice`);
    }
    revalidatePath('/account');
  };
  return markGuarded(wrapped, 'action', guardOf(guarded)!);
}
