'use server';
// Server actions of /account: personal API tokens. Each checks the origin and the session itself;
// API tokens cannot reach these (requireSession without a scope refuses them).
import { revalidatePath } from 'next/cache';
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import { actionContext } from '@/lib/auth/action-context';
import { requireSession } from '@/lib/auth/session';
import { AppError, isDatabaseUnavailable, type FieldErrors } from '@/lib/errors';
import { fieldErrors } from '@/lib/http';
import { createApiTokenSchema } from '@/lib/validation/api-token';

export interface CreateTokenState {
  message?: string;
  fields?: FieldErrors;
  /** The new token, shown once. */
  created?: { name: string; token: string };
  values?: { name?: string; scopes?: string[]; ttlDays?: string };
}

async function guard(): Promise<string> {
  const problem = (await actionContext()).originProblem('strict');
  if (problem) throw problem;
  return (await requireSession()).user.id;
}

export async function createApiTokenAction(_previous: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const values = {
    name: String(formData.get('name') ?? ''),
    scopes: formData.getAll('scopes').map(String),
    ttlDays: String(formData.get('ttlDays') ?? ''),
  };
  const parsed = createApiTokenSchema.safeParse(values);
  if (!parsed.success) return { message: 'Check the highlighted fields.', fields: fieldErrors(parsed.error), values };
  try {
    const userId = await guard();
    const { token, apiToken } = await createApiToken({ userId, ...parsed.data });
    revalidatePath('/account');
    return { created: { name: apiToken.name, token } };
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, values };
    if (isDatabaseUnavailable(error)) return { message: 'The service is temporarily unavailable.', values };
    throw error;
  }
}

export async function revokeApiTokenAction(formData: FormData): Promise<void> {
  const userId = await guard();
  await revokeApiToken({ userId, id: String(formData.get('id') ?? '') });
  revalidatePath('/account');
}
