import type { FormState } from '@/lib/form-state';

/** What a sign-in or sign-up form shows after a failed submit: errors, and what was typed. */
export type AuthFormState = FormState<{ email: string; name: string }>;
