'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import { passwordHint } from '@/lib/validation/limits';
import { signupAction } from '../actions';
import type { AuthFormState } from '../form-state';
import { FormStatus } from '@/app/_components/form-status';

export function SignupForm({ next }: { next: string }) {
  const [state, formAction] = useActionState<AuthFormState, FormData>(signupAction, {});
  return (
    <form action={formAction} className="card form" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormStatus state={state} />
      <Field name="name" label="Name" autoComplete="name" defaultValue={state.values?.name} errors={state.fields?.name} />
      <Field name="email" label="Email" type="email" autoComplete="email" defaultValue={state.values?.email}
        errors={state.fields?.email}
        errorAction={state.code === 'email_taken' ? <Link href={`/login?next=${encodeURIComponent(next)}`}>Sign in instead</Link> : null}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={passwordHint()}
        errors={state.fields?.password}
      />
      <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
      <p className="muted">
        Already have an account? <Link href={`/login?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </form>
  );
}
