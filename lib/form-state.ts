// One shape for what every form shows after a submit: whether it worked, a message, each field's
// errors and the values to put back (never a password). A server action returns it to a form
// through useActionState; app/_components/form-status.tsx shows `status` and `message`.
import type { FieldErrors } from '@/lib/errors';

export interface FormState<Values extends object = Record<string, never>, Result = undefined> {
  status?: 'ok' | 'error';
  message?: string;
  fields?: FieldErrors;
  /** What was typed, so a failed submit does not empty the form (no secrets). */
  values?: Partial<Values>;
  /** What a successful submit hands back to show once (a new API token, say). */
  result?: Result;
}
