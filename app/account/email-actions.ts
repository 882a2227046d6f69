'use server';
// Server actions of /account's email section: send the verification mail again, change the
// address. Each checks the origin and the session itself; API tokens cannot reach these.
import { revalidatePath } from 'next/cache';
import { actionContext } from '@/lib/auth/action-context';
import { requestEmailChange, resendVerification } from '@/lib/auth/email-flows';
import { requireSession } from '@/lib/auth/session';
import { AppError, isDatabaseUnavailable, type FieldErrors } from '@/lib/errors';
import { fieldErrors } from '@/lib/http';
import { changeEmailSchema } from '@/lib/validation/email';

export interface EmailFormState {
  message?: string;
  success?: string;
  fields?: FieldErrors;
  email?: string;
}

async function guard() {
  const context = await actionContext();
  const problem = context.originProblem('strict');
  if (problem) throw problem;
  return { session: await requireSession(), meta: context.meta };
}

function failure(error: unknown, extra: Partial<EmailFormState> = {}): EmailFormState {
  if (error instanceof AppError) return { message: error.message, fields: error.fields, ...extra };
  if (isDatabaseUnavailable(error)) return { message: 'The service is temporarily unavailable.', ...extra };
  throw error;
}

export async function resendVerificationAction(): Promise<EmailFormState> {
  try {
    const { session, meta } = await guard();
    await resendVerification({ userId: session.user.id, meta });
    return { success: `We sent a new link to ${session.user.email}.` };
  } catch (error) {
    return failure(error);
  }
}

export async function changeEmailAction(_previous: EmailFormState, formData: FormData): Promise<EmailFormState> {
  const email = String(formData.get('email') ?? '');
  const parsed = changeEmailSchema.safeParse({ email, password: String(formData.get('password') ?? '') });
  if (!parsed.success) return { message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error), email };
  try {
    const { session, meta } = await guard();
    await requestEmailChange({ userId: session.user.id, newEmail: parsed.data.email, password: parsed.data.password, meta });
    revalidatePath('/account');
    return { success: `We sent a link to ${parsed.data.email}. Your address changes when you open it and confirm.` };
  } catch (error) {
    return failure(error, { email });
  }
}
