'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { FocusOnError } from '@/app/_components/form-alert';
import { SubmitButton } from '@/app/_components/submit-button';
import { addToCartAction } from '../../actions';
import type { ShopFormState } from '../../form-state';
import { QuantityInput } from '../../_components/quantity-input';

/** For signed-in shoppers: adds to the cart in place and says so in a live region. */
export function AddToCartForm({ productId, max }: { productId: string; max: number }) {
  const [state, formAction] = useActionState<ShopFormState, FormData>(addToCartAction, {});
  // A refused quantity is said once, beside the box.
  const message = state.status === 'error' && state.fields?.quantity ? undefined : state.message;
  return (
    <form action={formAction} className="add-to-cart" noValidate>
      <input type="hidden" name="productId" value={productId} />
      <QuantityInput id="quantity" max={max} defaultValue={state.values?.quantity ?? 1} errors={state.fields?.quantity} />
      <FocusOnError />
      <SubmitButton pendingText="Adding…">Add to cart</SubmitButton>
      <div role="status" aria-live="polite" className={message ? (state.status === 'ok' ? 'success' : 'form-error') : 'visually-hidden'}>
        {message}
        {state.status === 'ok' ? (
          <>
            {' '}
            <Link href="/cart">View your cart</Link>
          </>
        ) : null}
      </div>
    </form>
  );
}
