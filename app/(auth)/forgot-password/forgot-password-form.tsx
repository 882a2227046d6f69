'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { FormStatus } from '@/app/_components/form-status';
import { SubmitButton } from '@/app/_components/submit-button';
import { forgotPasswordAction, type ForgotPasswordState } from '../mail-actions';

export function ForgotPasswordForm() {
  const [state, formAction] = useActionState<ForgotPasswordState, FormData>(forgotPasswordAction, {});
  if (state.status === 'ok' && state.result) {
    return (
      <div className="card stack">
        <p className="success" role="status">
          If an account exists for {state.result}, we have sent it a link to choose a new password. It works for 30 minutes.
        </p>
        <p className="muted">
          Nothing arrived? Check your spam folder, or <Link href="/forgot-password">ask again</Link> in a few minutes.
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="card form" noValidate>
      <p className="muted">Enter the address of your account and we will mail you a link to choose a new password.</p>
      <FormStatus state={state} />
      <Field name="email" label="Email" type="email" autoComplete="email" defaultValue={state.values?.email} errors={state.fields?.email} />
      <SubmitButton pendingText="Sending…">Send me a link</SubmitButton>
      <p className="muted">
        Remembered it? <Link href="/login">Sign in</Link>
      </p>
    </form>
  );
}
