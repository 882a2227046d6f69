'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { FormStatus } from '@/app/_components/form-status';
import { SubmitButton } from '@/app/_components/submit-button';
import { confirmEmailAction, type ConfirmEmailState } from '../mail-actions';

export function ConfirmEmailForm({ token, change }: { token: string; change: boolean }) {
  const [state, formAction] = useActionState<ConfirmEmailState, FormData>(confirmEmailAction, {});
  if (state.status === 'ok' && state.result) {
    return (
      <div className="card stack">
        <p className="success" role="status">
          {state.result.kind === 'changed' ? `Done: the address of your account is now ${state.result.email}.` : `Thank you: ${state.result.email} is confirmed.`}
        </p>
        <p>
          <Link href="/account">Go to your account</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="card form" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormStatus state={state} />
      <p>{change ? 'Press the button to move your account to this address.' : 'Press the button to confirm that this address is yours.'}</p>
      <SubmitButton pendingText="Confirming…">{change ? 'Confirm my new address' : 'Confirm my address'}</SubmitButton>
    </form>
  );
}
