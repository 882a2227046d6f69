'use client';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { FormStatus } from '@/app/_components/form-status';
import { SubmitButton } from '@/app/_components/submit-button';
import { changeEmailAction, resendVerificationAction, type ChangeEmailState, type ResendVerificationState } from '../email-actions';

export function ResendVerificationForm() {
  const [state, formAction] = useActionState<ResendVerificationState, FormData>(resendVerificationAction, {});
  return (
    <form action={formAction} className="form">
      <p className="muted">Confirm your address with the link we mailed you.</p>
      <FormStatus state={state} />
      <SubmitButton className="button secondary" pendingText="Sending…">
        Resend the confirmation mail
      </SubmitButton>
    </form>
  );
}

export function ChangeEmailForm() {
  const [state, formAction] = useActionState<ChangeEmailState, FormData>(changeEmailAction, {});
  return (
    <form action={formAction} className="form" noValidate aria-labelledby="change-email-title">
      <h3 id="change-email-title">Change your address</h3>
      <FormStatus state={state} />
      <Field name="email" label="New email address" type="email" autoComplete="email" defaultValue={state.values?.email} errors={state.fields?.email} />
      <Field name="password" label="Your password" type="password" autoComplete="current-password" errors={state.fields?.password} />
      <SubmitButton pendingText="Sending…">Send a confirmation link</SubmitButton>
    </form>
  );
}
