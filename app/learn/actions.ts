'use server';
// The tamper demo's form action: the same verdict as POST /api/learn/verify, for a form that
// works without JavaScript (the page re-renders with the verdict) and with it (no reload).
// Like the page, it is for a person signed in with the access cookie: a Bearer header or a
// personal API token gets no verdict.
import { cookies } from 'next/headers';
import { formAction } from '@/lib/auth/guards';
import { cookieNames } from '@/lib/auth/http';
import { isApiToken } from '@/lib/auth/tokens';
import type { FormState } from '@/lib/form-state';
import { tamperVerdict, type TamperVerdict } from '@/lib/learn/verdict';
import { verifyEditSchema } from '@/lib/learn/verify-schema';

/** `values.payload` is what was sent (shown again without JavaScript); `result` the verdict. */
export type TamperState = FormState<{ payload: string }, TamperVerdict>;

const LAPSED = 'Your sign-in has lapsed: reload the page to renew it, then try again.';

export const verifyTamperAction = formAction(
  { auth: 'optional', values: (formData) => ({ payload: String(formData.get('payload') ?? '').slice(0, 4096) }) },
  async (_formData, { session, secure, values }): Promise<TamperState> => {
    let payload: unknown;
    try {
      payload = JSON.parse(values.payload);
    } catch {
      return { status: 'error', message: 'That is not valid JSON, so it is not a payload yet.', values };
    }
    const parsed = verifyEditSchema.safeParse({ payload });
    if (!parsed.success) return { status: 'error', message: parsed.error.issues[0]?.message ?? 'The payload must be a JSON object.', values };
    const token = (await cookies()).get(cookieNames(secure).access)?.value;
    if (!session || session.via !== 'cookie' || isApiToken(session.claims) || !token) return { status: 'error', message: LAPSED, values };
    return { status: 'ok', result: await tamperVerdict(session.user.id, token, parsed.data.payload), values };
  },
);
