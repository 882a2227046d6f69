'use client';
import { useActionState } from 'react';
import { FormAlert } from '@/app/_components/form-alert';
import { SubmitButton } from '@/app/_components/submit-button';
import { regenerateRecoveryCodesAction, type StrongFormState } from '../strong-actions';
import { RecoveryCodesView } from './recovery-codes-view';

export function NewRecoveryCodes() {
  const [state, formAction] = useActionState<StrongFormState>(regenerateRecoveryCodesAction, {});
  return (
    <div className="stack">
      <div role="status" aria-live="polite" className={state.success ? 'success' : 'visually-hidden'}>
        {state.success}
      </div>
      <FormAlert message={state.message} />
      {state.recoveryCodes ? <RecoveryCodesView codes={state.recoveryCodes} /> : null}
      <form action={formAction}>
        <SubmitButton className="button secondary" pendingText="Making new codes…">
          Make new recovery codes
        </SubmitButton>
      </form>
    </div>
  );
}
