import type { FieldErrors } from '@/lib/errors';

/** What a cart or checkout form shows after a submit. */
export interface ShopFormState {
  status?: 'ok' | 'error';
  message?: string;
  fields?: FieldErrors;
  /** What was typed, shown again beside the error (a form resets after its action). */
  values?: { quantity?: string };
}
