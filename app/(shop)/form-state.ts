import type { FormState } from '@/lib/form-state';

/** What a cart or checkout form shows after a submit. */
export type ShopFormState = FormState;
