'use server';
// Server actions behind the shop's forms. Thin: check where the request came from and who is
// signed in (never trusting the middleware), parse with the same zod schemas as the JSON routes,
// call lib/shop, revalidate, and return a typed state (or redirect).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { actionContext } from '@/lib/auth/action-context';
import { requireSession, type Session } from '@/lib/auth/session';
import { AppError, isDatabaseUnavailable } from '@/lib/errors';
import { fieldErrors } from '@/lib/http';
import { addToCart, removeFromCart, setCartItemQuantity } from '@/lib/shop/cart';
import { formatCents } from '@/lib/shop/money';
import { checkout } from '@/lib/shop/orders';
import { addCartItemSchema, quantityFromForm, setCartItemSchema } from '@/lib/validation/cart';
import type { ShopFormState } from './form-state';

async function actionSession(): Promise<Session> {
  const problem = (await actionContext()).originProblem('strict');
  if (problem) throw problem;
  return requireSession();
}

function failure(error: unknown, values?: ShopFormState['values']): ShopFormState {
  if (error instanceof AppError) {
    const message = error.status === 401 ? 'Your sign-in has ended. Sign in again to carry on.' : error.message;
    // A quantity error is said once, beside the box.
    return { status: 'error', message: error.fields?.quantity ? undefined : message, fields: error.fields, values };
  }
  if (isDatabaseUnavailable(error)) {
    return { status: 'error', message: 'The shop is temporarily unavailable. Please try again in a moment.', values };
  }
  throw error;
}

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/** Header count, cart, checkout: everything that shows the cart. */
function cartChanged(): void {
  revalidatePath('/', 'layout');
}

export async function addToCartAction(_previous: ShopFormState, formData: FormData): Promise<ShopFormState> {
  const parsed = addCartItemSchema.safeParse({ productId: text(formData, 'productId'), quantity: quantityFromForm(formData.get('quantity')) });
  const values = { quantity: text(formData, 'quantity') };
  if (!parsed.success) return { status: 'error', fields: fieldErrors(parsed.error), values };
  try {
    const { user } = await actionSession();
    const cart = await addToCart({ userId: user.id, ...parsed.data });
    const line = cart.items.find((item) => item.productId === parsed.data.productId);
    cartChanged();
    return {
      status: 'ok',
      message: `Added ${parsed.data.quantity} × ${line?.name ?? 'item'} to your cart (${cart.itemCount} ${cart.itemCount === 1 ? 'item' : 'items'}, ${formatCents(cart.totalCents)}).`,
    };
  } catch (error) {
    return failure(error, values);
  }
}

export async function updateCartItemAction(_previous: ShopFormState, formData: FormData): Promise<ShopFormState> {
  const productId = text(formData, 'productId');
  const parsed = setCartItemSchema.safeParse({ quantity: quantityFromForm(formData.get('quantity')) });
  const values = { quantity: text(formData, 'quantity') };
  if (!parsed.success) return { status: 'error', fields: fieldErrors(parsed.error), values };
  try {
    const { user } = await actionSession();
    await setCartItemQuantity({ userId: user.id, productId, quantity: parsed.data.quantity });
    cartChanged();
    return { status: 'ok', message: parsed.data.quantity === 0 ? 'Removed.' : 'Quantity updated.' };
  } catch (error) {
    return failure(error, values);
  }
}

export async function removeCartItemAction(_previous: ShopFormState, formData: FormData): Promise<ShopFormState> {
  try {
    const { user } = await actionSession();
    await removeFromCart({ userId: user.id, productId: text(formData, 'productId') });
    cartChanged();
    return { status: 'ok', message: 'Removed.' };
  } catch (error) {
    return failure(error);
  }
}

export async function checkoutAction(): Promise<ShopFormState> {
  let orderId: string;
  try {
    const { user } = await actionSession();
    orderId = (await checkout({ userId: user.id })).id;
  } catch (error) {
    return failure(error);
  }
  cartChanged();
  redirect(`/orders/${encodeURIComponent(orderId)}?placed=1`);
}
