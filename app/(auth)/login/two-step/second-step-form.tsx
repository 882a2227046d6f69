'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { FormAlert } from '@/app/_components/form-alert';
import { SubmitButton } from '@/app/_components/submit-button';
import { secondStepAction, type SecondStepState } from './actions';

/** Two forms, so each works without JavaScript: the app's code, or (if any are left) a recovery code. */
export function SecondStepForm({ next, recoveryAllowed }: { next: string; recoveryAllowed: boolean }) {
  const [state, formAction] = useActionState<SecondStepState, FormData>(secondStepAction, {});
  if (state.result?.ended) {
    return (
      <div className="card stack">
        <FormAlert message={state.message} />
        <p>
          <Link className="button" href={`/login?next=${encodeURIComponent(next)}`}>
            Sign in again
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="stack">
      <form action={formAction} className="card form" noValidate>
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="method" value="totp" />
        <FormAlert message={state.message} />
        <Field name="code" label="Code from your authenticator app" autoComplete="one-time-code" errors={state.fields?.code} hint="6 digits; a new one every 30 seconds." />
        <SubmitButton pendingText="Checking…">Verify and sign in</SubmitButton>
      </form>
      {recoveryAllowed ? (
        <details className="card">
          <summary>Use a recovery code instead</summary>
          <form action={formAction} className="form" noValidate>
            <input type="hidden" name="next" value={next} />
            <input type="hidden" name="method" value="recovery" />
            <Field name="recoveryCode" label="Recovery code" autoComplete="off" errors={state.fields?.recoveryCode} hint="Like abcd-efgh-jkmn-pqrs (capitals, spaces and dashes do not matter). Each recovery code works once." />
            <SubmitButton pendingText="Checking…">Use recovery code</SubmitButton>
          </form>
        </details>
      ) : null}
    </div>
  );
}
