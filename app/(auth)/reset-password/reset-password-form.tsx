'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { FormAlert } from '@/app/_components/form-alert';
import { SubmitButton } from '@/app/_components/submit-button';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from '@/lib/validation/auth';
import { resetPasswordAction, type MailFormState } from '../mail-actions';

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction] = useActionState<MailFormState, FormData>(resetPasswordAction, {});
  if (state.done) {
    return (
      <div className="card stack">
        <p className="success" role="status">
          Your password was changed. Every sign-in of your account has ended ({state.sessionsEnded} sign-in(s) and {state.apiTokensRevoked} API
          token(s)).
        </p>
        <p>
          <Link className="button" href="/login">
            Sign in with your new password
          </Link>
        </p>
      </div>
    );
  }
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
