'use client';
import { useActionState, useEffect, useRef, type FormEvent } from 'react';
import { FocusOnError } from '@/app/_components/form-alert';
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
      <QuantityInput id={id} label={`Quantity of ${name}`} labelHidden min={0} max={max} defaultValue={state.values?.quantity ?? quantity} errors={state.fields?.quantity} />
      <FocusOnError />
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

/**
 * Where focus goes when a line is removed: the next line's link, else the previous one's, else
 * the page heading. Without this it falls to <body> with the removed button.
 */
function useFocusAfterRemoval() {
  const target = useRef<HTMLElement | null>(null);
  useEffect(
    () => () => {
      // Runs when this line unmounts, i.e. after the removal is on screen.
      if (!target.current) return;
      const next = target.current.isConnected ? target.current : document.getElementById('cart-title');
      if (next && next.tagName === 'H1') next.tabIndex = -1;
      next?.focus();
    },
    [],
  );
  return (event: FormEvent<HTMLFormElement>) => {
    const line = event.currentTarget.closest('li');
    const neighbour = line?.nextElementSibling ?? line?.previousElementSibling;
    target.current = neighbour?.querySelector<HTMLElement>('h2 a') ?? document.getElementById('cart-title');
  };
}

export function RemoveForm({ productId, name }: { productId: string; name: string }) {
  const [state, formAction] = useActionState<ShopFormState, FormData>(removeCartItemAction, {});
  const rememberFocusTarget = useFocusAfterRemoval();
  return (
    <form action={formAction} onSubmit={rememberFocusTarget}>
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
