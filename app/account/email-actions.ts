'use server';
// Server actions of /account's email section: send the verification mail again, change the
// address. The declared guard checks the origin and the session; API tokens cannot reach these.
// Changing the address needs a recent sign-in (step-up): the address is how the account is
// recovered.
import { revalidatePath } from 'next/cache';
import { requestEmailChange, resendVerification } from '@/lib/auth/email-flows';
import { formAction } from '@/lib/auth/guards';
import type { FormState } from '@/lib/form-state';
import { fieldErrors } from '@/lib/http';
import { changeEmailSchema } from '@/lib/validation/email';

export type ResendVerificationState = FormState;
export type ChangeEmailState = FormState<{ email: string }>;

export const resendVerificationAction = formAction({ auth: 'required' }, async (_formData, { session, meta }): Promise<ResendVerificationState> => {
  await resendVerification({ userId: session.user.id, meta });
  return { status: 'ok', message: `We sent a new link to ${session.user.email}.` };
});

export const changeEmailAction = formAction(
  { auth: 'required', fresh: true, values: (formData) => ({ email: String(formData.get('email') ?? '') }) },
  async (formData, { session, meta, values }): Promise<ChangeEmailState> => {
    const parsed = changeEmailSchema.safeParse({ email: values.email, password: String(formData.get('password') ?? '') });
    if (!parsed.success) return { status: 'error', message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error), values };
    await requestEmailChange({ userId: session.user.id, newEmail: parsed.data.email, password: parsed.data.password, meta });
    revalidatePath('/account');
    return { status: 'ok', message: `We sent a link to ${parsed.data.email}. Your address changes when you open it and confirm.` };
  },
);
