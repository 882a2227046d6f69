'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { FormAlert } from '@/app/_components/form-alert';
import { SubmitButton } from '@/app/_components/submit-button';
import { RecoveryCodesView } from '../_components/recovery-codes-view';
import { confirmTotpAction, type StrongFormState } from '../strong-actions';

export function ConfirmTotpForm() {
  const [state, formAction] = useActionState<StrongFormState, FormData>(confirmTotpAction, {});
  if (state.recoveryCodes) {
    return (
      <div className="card stack">
        <p role="status" className="success">
          {state.success}
        </p>
        <RecoveryCodesView codes={state.recoveryCodes} />
        <p>
          <Link className="button" href="/account#two-step">
            I have saved my codes
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="card form" noValidate>
      <FormAlert message={state.message} />
      <Field name="code" label="Code from your app" autoComplete="one-time-code" errors={state.fields?.code} />
      <SubmitButton pendingText="Checking…">Turn on two-step sign-in</SubmitButton>
    </form>
  );
}
