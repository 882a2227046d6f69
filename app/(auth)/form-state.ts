import type { FieldErrors } from '@/lib/errors';

/** What a sign-in or sign-up form shows after a failed submit: errors, and what was typed. */
export interface AuthFormState {
  message?: string;
  /** The AppError code, when the form shows something beside the message (e.g. a sign-in link). */
  code?: string;
  fields?: FieldErrors;
  values?: { email?: string; name?: string };
}
