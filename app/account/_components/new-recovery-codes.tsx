'use client';
import { useActionState } from 'react';
import { FormStatus } from '@/app/_components/form-status';
import { SubmitButton } from '@/app/_components/submit-button';
import { regenerateRecoveryCodesAction, type StrongFormState } from '../strong-actions';
import { RecoveryCodesView } from './recovery-codes-view';

export function NewRecoveryCodes() {
  const [state, formAction] = useActionState<StrongFormState, FormData>(regenerateRecoveryCodesAction, {});
  return (
    <div className="stack">
      <FormStatus state={state} />
      {state.result ? <RecoveryCodesView codes={state.result.recoveryCodes} /> : null}
      <form action={formAction}>
        <SubmitButton className="button secondary" pendingText="Making new codes…">
          Make new recovery codes
        </SubmitButton>
      </form>
    </div>
  );
}
