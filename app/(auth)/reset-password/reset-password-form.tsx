'use client';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { FormAlert } from '@/app/_components/form-alert';
import { SubmitButton } from '@/app/_components/submit-button';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from '@/lib/validation/auth';
import { resetPasswordAction, type MailFormState } from '../mail-actions';

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction] = useActionState<MailFormState, FormData>(resetPasswordAction, {});
  return (
    <form action={formAction} className="card form" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormAlert message={state.message} />
      <Field
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters, at most ${PASSWORD_MAX_BYTES} bytes.`}
        errors={state.fields?.password}
      />
      <p className="muted">Every device and API token signed in to your account will be signed out.</p>
      <SubmitButton pendingText="Saving…">Set new password</SubmitButton>
    </form>
  );
}
