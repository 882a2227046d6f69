import type { FormState } from '@/lib/form-state';

/** What a cart or checkout form shows after a submit; a refused quantity is shown again beside its error. */
export type ShopFormState = FormState<{ quantity: string }>;
