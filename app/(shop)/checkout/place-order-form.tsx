'use client';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/submit-button';
import { checkoutAction } from '../actions';
import type { ShopFormState } from '../form-state';

export function PlaceOrderForm({ total }: { total: string }) {
  const [state, formAction] = useActionState<ShopFormState, FormData>(checkoutAction, {});
  return (
    <form action={formAction} className="stack">
      <div role="alert" aria-live="assertive" className={state.message ? 'form-error' : 'visually-hidden'}>
        {state.message}
      </div>
      <SubmitButton className="button block" pendingText="Placing your order…">
        Place order · {total}
      </SubmitButton>
    </form>
  );
}
