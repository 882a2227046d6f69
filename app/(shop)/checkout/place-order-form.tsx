'use client';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/submit-button';
import { checkoutAction } from '../actions';
import type { ShopFormState } from '../form-state';
import { FormStatus } from '@/app/_components/form-status';

export function PlaceOrderForm({ total }: { total: string }) {
  const [state, formAction] = useActionState<ShopFormState, FormData>(checkoutAction, {});
  return (
    <form action={formAction} className="stack">
      <FormStatus state={state} />
      <SubmitButton className="button block" pendingText="Placing your order…">
        Place order · {total}
      </SubmitButton>
    </form>
  );
}
