'use client';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { FormStatus } from '@/app/_components/form-status';
import { SubmitButton } from '@/app/_components/submit-button';
import { deleteAccountAction, type StrongFormState } from '../strong-actions';

export function DeleteAccount({ email }: { email: string }) {
  const [state, formAction] = useActionState<StrongFormState, FormData>(deleteAccountAction, {});
  return (
    <section id="delete-account" className="card stack" aria-labelledby="delete-account-title">
      <h2 id="delete-account-title">Delete account</h2>
      <p>
        This signs you out everywhere and erases your sign-ins, passkeys, two-step settings, API tokens, cart and activity. Your
        orders are kept for our accounts, without your name or address. You can sign up again with the same address later.
      </p>
      <form action={formAction} className="form" noValidate>
        <FormStatus state={state} />
        <Field name="email" label={`Type your email address (${email}) to confirm`} type="email" autoComplete="off" errors={state.fields?.email} />
        <SubmitButton className="button danger" pendingText="Deleting…">
          Delete my account
        </SubmitButton>
      </form>
    </section>
  );
}
