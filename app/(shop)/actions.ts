'use server';
// Server actions behind the shop's forms. Thin: the declared guard checks where the request came
// from (every cart write, a guest's included) and who is signed in (never trusting the
// middleware; `auth: 'optional'` serves guests, but a bad credential is refused, never answered
// with the guest cart); the action finds whose cart it is (lib/shop/cart-owner.ts: the user's, or
// the guest's by the `cart` cookie, which the first add sets), parses with the same zod schemas as
// the JSON routes, calls lib/shop, revalidates, and returns a FormState (or redirects). Checkout
// needs a signed-in user.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';
import { fieldErrors } from '@/lib/http';
import { addToCart, assertAddable, removeFromCart, setCartItemQuantity } from '@/lib/shop/cart';
import { formatCents } from '@/lib/shop/money';
import { cartKeyOfAction, cartWriterOfAction } from '@/lib/shop/cart-owner';
import { checkout } from '@/lib/shop/orders';
import { addCartItemSchema, checkoutSchema, quantityFromForm, setCartItemSchema } from '@/lib/validation/cart';
import type { ShopFormState } from './form-state';

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * Everything that shows the cart is rendered per request: the browser's router only has to fetch
 * the page again. Never revalidatePath('/', 'layout'): that would re-render the prerendered front
 * page with scripts its policy does not name (test/no-revalidation-of-front-page.test.ts).
 */
function revalidateCartViews(): void {
  refresh();
}

const quantityValues = (formData: FormData) => ({ quantity: text(formData, 'quantity') });

export const addToCartAction = formAction({ auth: 'optional', values: quantityValues }, async (formData, { session, secure, values }): Promise<ShopFormState> => {
  const parsed = addCartItemSchema.safeParse({ productId: text(formData, 'productId'), quantity: quantityFromForm(formData.get('quantity')) });
  // A quantity error is said once, beside the box (no form-level message repeating it).
  if (!parsed.success) return { status: 'error', fields: fieldErrors(parsed.error), values };
  // A guest's refused add must not start a cart (see assertAddable).
  if (!session) await assertAddable(parsed.data);
  const { key } = await cartWriterOfAction(session, secure);
  const cart = await addToCart({ ...key, ...parsed.data });
  const line = cart.items.find((item) => item.productId === parsed.data.productId);
  revalidateCartViews();
  return {
    status: 'ok',
    message: `Added ${parsed.data.quantity} × ${line?.name ?? 'item'} to your cart (${cart.itemCount} ${cart.itemCount === 1 ? 'item' : 'items'}, ${formatCents(cart.totalCents)}).`,
  };
});

export const updateCartItemAction = formAction({ auth: 'optional', values: quantityValues }, async (formData, { session, secure, values }): Promise<ShopFormState> => {
  const parsed = setCartItemSchema.safeParse({ quantity: quantityFromForm(formData.get('quantity')) });
  if (!parsed.success) return { status: 'error', fields: fieldErrors(parsed.error), values };
  const key = await cartKeyOfAction(session, secure);
  if (!key) return { status: 'error', message: 'That product is not in your cart.', values };
  await setCartItemQuantity({ ...key, productId: text(formData, 'productId'), quantity: parsed.data.quantity });
  revalidateCartViews();
  return { status: 'ok', message: parsed.data.quantity === 0 ? 'Removed.' : 'Quantity updated.' };
});

export const removeCartItemAction = formAction({ auth: 'optional' }, async (formData, { session, secure }): Promise<ShopFormState> => {
  const key = await cartKeyOfAction(session, secure);
  if (key) await removeFromCart({ ...key, productId: text(formData, 'productId') });
  revalidateCartViews();
  return { status: 'ok', message: 'Removed.' };
});

/**
 * Places the order the checkout page showed: its hidden `cartFingerprint` (lib/shop/cart-fingerprint.ts)
 * must still match the cart, else 409 cart_changed, and the page re-renders with the cart as it is now.
 */
export const checkoutAction = formAction({ auth: 'required' }, async (formData, { session }): Promise<ShopFormState> => {
  // The page always sends it: a post without one (or a mangled one) matches no cart.
  const parsed = checkoutSchema.safeParse({ cartFingerprint: text(formData, 'cartFingerprint') });
  const expected = parsed.success ? (parsed.data.cartFingerprint ?? '') : '';
  let order;
  try {
    order = await checkout({ userId: session.user.id, expected });
  } catch (error) {
    // Show the new cart (and its fingerprint) beside the refusal.
    if (error instanceof AppError && error.code === 'cart_changed') revalidateCartViews();
    throw error;
  }
  revalidateCartViews();
  redirect(`/orders/${encodeURIComponent(order.id)}?placed=1`);
});
