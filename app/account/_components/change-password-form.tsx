'use client';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from '@/lib/validation/auth';
import { changePasswordAction, type ChangePasswordState } from '../actions';
import { FormStatus } from '@/app/_components/form-status';

export function ChangePasswordForm() {
  const [state, formAction] = useActionState<ChangePasswordState, FormData>(changePasswordAction, {});
  return (
    <section id="password" className="card" aria-labelledby="password-title">
      <h2 id="password-title">Change password</h2>
      <form action={formAction} className="form" noValidate>
        <FormStatus state={state} />
        <Field name="currentPassword" label="Current password" type="password" autoComplete="current-password" errors={state.fields?.currentPassword} />
        <Field
          name="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters, at most ${PASSWORD_MAX_BYTES} bytes.`}
          errors={state.fields?.newPassword}
        />
        <label className="checkbox">
          <input type="checkbox" name="signOutOthers" defaultChecked /> Sign out my other devices
        </label>
        <SubmitButton pendingText="Changing password…">Change password</SubmitButton>
      </form>
    </section>
  );
}
