'use client';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/submit-button';
import { removeCartItemAction, updateCartItemAction } from '../actions';
import type { ShopFormState } from '../form-state';
import { QuantityInput } from '../_components/quantity-input';

/** Quantity box + Update, for one cart line. 0 removes the line. */
export function QuantityForm({ productId, name, quantity, max }: { productId: string; name: string; quantity: number; max: number }) {
  const [state, formAction] = useActionState<ShopFormState, FormData>(updateCartItemAction, {});
  const id = `quantity-${productId}`;
  return (
    <form action={formAction} className="line-quantity" noValidate>
      <input type="hidden" name="productId" value={productId} />
      <QuantityInput id={id} label={`Quantity of ${name}`} labelHidden min={0} max={max} defaultValue={quantity} errors={state.fields?.quantity} />
      <SubmitButton className="button small secondary" pendingText="Updating…">
        Update<span className="visually-hidden"> quantity of {name}</span>
      </SubmitButton>
      {state.status === 'error' && !state.fields?.quantity ? (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

export function RemoveForm({ productId, name }: { productId: string; name: string }) {
  const [state, formAction] = useActionState<ShopFormState, FormData>(removeCartItemAction, {});
  return (
    <form action={formAction}>
      <input type="hidden" name="productId" value={productId} />
      <SubmitButton className="button-link remove" pendingText="Removing…">
        Remove<span className="visually-hidden"> {name}</span>
      </SubmitButton>
      {state.status === 'error' ? (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
