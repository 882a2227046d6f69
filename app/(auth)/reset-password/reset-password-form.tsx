'use client';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { FormStatus } from '@/app/_components/form-status';
import { SubmitButton } from '@/app/_components/submit-button';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from '@/lib/validation/limits';
import { resetPasswordAction, type ResetPasswordState } from '../mail-actions';

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction] = useActionState<ResetPasswordState, FormData>(resetPasswordAction, {});
  return (
    <form action={formAction} className="card form" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormStatus state={state} />
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
