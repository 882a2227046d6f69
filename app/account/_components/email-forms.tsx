'use client';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { FormAlert } from '@/app/_components/form-alert';
import { SubmitButton } from '@/app/_components/submit-button';
import { changeEmailAction, resendVerificationAction, type EmailFormState } from '../email-actions';

function Status({ text }: { text?: string }) {
  return (
    <div role="status" aria-live="polite" className={text ? 'success' : 'visually-hidden'}>
      {text}
    </div>
  );
}

export function ResendVerificationForm() {
  const [state, formAction] = useActionState<EmailFormState>(resendVerificationAction, {});
  return (
    <form action={formAction} className="form">
      <p className="muted">Confirm your address with the link we mailed you.</p>
      <Status text={state.success} />
      <FormAlert message={state.message} />
      <SubmitButton className="button secondary" pendingText="Sending…">
        Resend the confirmation mail
      </SubmitButton>
    </form>
  );
}

export function ChangeEmailForm() {
  const [state, formAction] = useActionState<EmailFormState, FormData>(changeEmailAction, {});
  return (
    <form action={formAction} className="form" noValidate aria-labelledby="change-email-title">
      <h3 id="change-email-title">Change your address</h3>
      <Status text={state.success} />
      <FormAlert message={state.message} />
      <Field name="email" label="New email address" type="email" autoComplete="email" defaultValue={state.email} errors={state.fields?.email} />
      <Field name="password" label="Your password" type="password" autoComplete="current-password" errors={state.fields?.password} />
      <SubmitButton pendingText="Sending…">Send a confirmation link</SubmitButton>
    </form>
  );
}
