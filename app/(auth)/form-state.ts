import type { FieldErrors } from '@/lib/errors';

/** What a sign-in or sign-up form shows after a failed submit: errors, and what was typed. */
export interface AuthFormState {
  message?: string;
  fields?: FieldErrors;
  values?: { email?: string; name?: string };
}
