'use client';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import { passwordHint } from '@/lib/validation/limits';
import { changePasswordAction, type ChangePasswordState } from '../actions';
import { FormStatus } from '@/app/_components/form-status';

/** Change the password, or, for an account made through a sign-in provider, set a first one. */
export function ChangePasswordForm({ hasPassword = true }: { hasPassword?: boolean }) {
  const [state, formAction] = useActionState<ChangePasswordState, FormData>(changePasswordAction, {});
  return (
    <section id="password" className="card" aria-labelledby="password-title">
      <h2 id="password-title">{hasPassword ? 'Change password' : 'Set a password'}</h2>
      <form action={formAction} className="form" noValidate>
        <FormStatus state={state} />
        {hasPassword ? (
          <Field name="currentPassword" label="Current password" type="password" autoComplete="current-password" errors={state.fields?.currentPassword} />
        ) : (
          <p className="hint">Your account has no password yet: you sign in through a provider. A password gives you another way in.</p>
        )}
        <Field
          name="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={passwordHint()}
          errors={state.fields?.newPassword}
        />
        <label className="checkbox">
          <input type="checkbox" name="signOutOthers" defaultChecked /> Sign out my other devices
        </label>
        {hasPassword ? (
          <label className="checkbox">
            <input type="checkbox" name="revokeApiTokens" defaultChecked /> Revoke my API tokens
          </label>
        ) : null}
        <SubmitButton pendingText={hasPassword ? 'Changing password…' : 'Setting password…'}>{hasPassword ? 'Change password' : 'Set password'}</SubmitButton>
      </form>
    </section>
  );
}
