'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { FormStatus } from '@/app/_components/form-status';
import { SubmitButton } from '@/app/_components/submit-button';
import { RecoveryCodesView } from '../_components/recovery-codes-view';
import { confirmTotpAction, type StrongFormState } from '../strong-actions';

export function ConfirmTotpForm() {
  const [state, formAction] = useActionState<StrongFormState, FormData>(confirmTotpAction, {});
  if (state.result) {
    return (
      <div className="card stack">
        <p role="status" className="success">
          {state.message}
        </p>
        <RecoveryCodesView codes={state.result.recoveryCodes} />
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
      <FormStatus state={state} />
      <Field name="code" label="Code from your app" autoComplete="one-time-code" errors={state.fields?.code} />
      <SubmitButton pendingText="Checking…">Turn on two-step sign-in</SubmitButton>
    </form>
  );
}
