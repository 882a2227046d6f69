'use client';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/submit-button';
import { checkoutAction } from '../actions';
import type { ShopFormState } from '../form-state';
import { FormStatus } from '@/app/_components/form-status';

/** `fingerprint`: the cart this page showed (lib/shop/cart-fingerprint.ts); the order must match it. */
export function PlaceOrderForm({ total, fingerprint }: { total: string; fingerprint: string }) {
  const [state, formAction] = useActionState<ShopFormState, FormData>(checkoutAction, {});
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="cartFingerprint" value={fingerprint} />
      <FormStatus state={state} />
      <SubmitButton className="button block" pendingText="Placing your order…">
        Place order · {total}
      </SubmitButton>
    </form>
  );
}
