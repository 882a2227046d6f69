'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { FormStatus } from '@/app/_components/form-status';
import { SubmitButton } from '@/app/_components/submit-button';
import { reauthAction, type StrongFormState } from '../strong-actions';

export function ReauthForm({ next }: { next: string }) {
  const [state, formAction] = useActionState<StrongFormState, FormData>(reauthAction, {});
  return (
    <form action={formAction} className="card form" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormStatus state={state} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" errors={state.fields?.password} />
      <SubmitButton pendingText="Confirming…">Confirm and continue</SubmitButton>
      <p className="muted">
        <Link href={next}>Cancel</Link>
      </p>
    </form>
  );
}
