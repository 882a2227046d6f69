'use server';
// Server actions behind the shop's forms. Thin: the declared guard checks where the request came
// from and who is signed in (never trusting the middleware); the action parses with the same zod
// schemas as the JSON routes, calls lib/shop, revalidates, and returns a FormState (or redirects).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction } from '@/lib/auth/guards';
import { fieldErrors } from '@/lib/http';
import { addToCart, removeFromCart, setCartItemQuantity } from '@/lib/shop/cart';
import { formatCents } from '@/lib/shop/money';
import { checkout } from '@/lib/shop/orders';
import { addCartItemSchema, quantityFromForm, setCartItemSchema } from '@/lib/validation/cart';
import type { ShopFormState } from './form-state';

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/** Header count, cart, checkout: everything that shows the cart. */
function cartChanged(): void {
  revalidatePath('/', 'layout');
}

export const addToCartAction = formAction({ auth: 'required' }, async (formData, { session }): Promise<ShopFormState> => {
  const parsed = addCartItemSchema.safeParse({ productId: text(formData, 'productId'), quantity: quantityFromForm(formData.get('quantity')) });
  if (!parsed.success) return { status: 'error', message: 'Check the quantity.', fields: fieldErrors(parsed.error) };
  const cart = await addToCart({ userId: session.user.id, ...parsed.data });
  const line = cart.items.find((item) => item.productId === parsed.data.productId);
  cartChanged();
  return {
    status: 'ok',
    message: `Added ${parsed.data.quantity} × ${line?.name ?? 'item'} to your cart (${cart.itemCount} ${cart.itemCount === 1 ? 'item' : 'items'}, ${formatCents(cart.totalCents)}).`,
  };
});

export const updateCartItemAction = formAction({ auth: 'required' }, async (formData, { session }): Promise<ShopFormState> => {
  const parsed = setCartItemSchema.safeParse({ quantity: quantityFromForm(formData.get('quantity')) });
  if (!parsed.success) return { status: 'error', message: 'Check the quantity.', fields: fieldErrors(parsed.error) };
  await setCartItemQuantity({ userId: session.user.id, productId: text(formData, 'productId'), quantity: parsed.data.quantity });
  cartChanged();
  return { status: 'ok', message: parsed.data.quantity === 0 ? 'Removed.' : 'Quantity updated.' };
});

export const removeCartItemAction = formAction({ auth: 'required' }, async (formData, { session }): Promise<ShopFormState> => {
  await removeFromCart({ userId: session.user.id, productId: text(formData, 'productId') });
  cartChanged();
  return { status: 'ok', message: 'Removed.' };
});

export const checkoutAction = formAction({ auth: 'required' }, async (_formData, { session }): Promise<ShopFormState> => {
  const order = await checkout({ userId: session.user.id });
  cartChanged();
  redirect(`/orders/${encodeURIComponent(order.id)}?placed=1`);
});
