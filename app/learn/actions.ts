'use server';
// The tamper demo's form action: the same verdict as POST /api/learn/verify, for a form that
// works without JavaScript (the page re-renders with the verdict) and with it (no reload).
import { cookies } from 'next/headers';
import { actionContext } from '@/lib/auth/action-context';
import { cookieNames } from '@/lib/auth/cookies';
import { getPageSession } from '@/lib/auth/session';
import { AppError, isDatabaseUnavailable } from '@/lib/errors';
import { tamperVerdict, type TamperVerdict } from '@/lib/learn/verdict';
import { verifyEditSchema } from '@/lib/learn/verify-schema';

export type TamperState = { verdict?: TamperVerdict; error?: string; payload?: string };

export async function verifyTamperAction(_previous: TamperState, formData: FormData): Promise<TamperState> {
  const text = String(formData.get('payload') ?? '').slice(0, 4096);
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return { error: 'That is not valid JSON, so it is not a payload yet.', payload: text };
  }
  const parsed = verifyEditSchema.safeParse({ payload });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'The payload must be a JSON object.', payload: text };
  try {
    const context = await actionContext();
    const problem = context.originProblem('strict');
    if (problem) throw problem;
    const session = await getPageSession();
    const token = (await cookies()).get(cookieNames(context.secure).access)?.value;
    if (!session || !token) return { error: 'Your sign-in has lapsed: reload the page to renew it, then try again.', payload: text };
    return { verdict: await tamperVerdict(session.user.id, token, parsed.data.payload), payload: text };
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, payload: text };
    if (isDatabaseUnavailable(error)) return { error: 'The service is temporarily unavailable. Try again in a moment.', payload: text };
    throw error;
  }
}
