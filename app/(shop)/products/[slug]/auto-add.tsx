'use client';
// After "Add to cart" while signed out, sign-in brings the shopper back here with
// ?add=1&quantity=N. This adds the item once, through the same POST server action as the form
// (no state change on GET), then takes the query off the address so a reload does not add again.
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { addToCartAction } from '../../actions';
import type { ShopFormState } from '../../form-state';

export function AutoAdd({ productId, quantity, slug }: { productId: string; quantity: number; slug: string }) {
  const started = useRef(false);
  const [state, setState] = useState<ShopFormState | null>(null);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const formData = new FormData();
    formData.set('productId', productId);
    formData.set('quantity', String(quantity));
    addToCartAction({}, formData)
      .then(setState, () => setState({ status: 'error', message: 'We could not add the item. Please try again.' }))
      .finally(() => window.history.replaceState(null, '', `/products/${slug}`));
  }, [productId, quantity, slug]);

  if (!state) {
    return (
      <p role="status" className="notice">
        Adding {quantity} to your cart…
      </p>
    );
  }
  return (
    <p role={state.status === 'ok' ? 'status' : 'alert'} className={state.status === 'ok' ? 'success' : 'form-error'}>
      {state.message} {state.status === 'ok' ? <Link href="/cart">View your cart</Link> : null}
    </p>
  );
}
