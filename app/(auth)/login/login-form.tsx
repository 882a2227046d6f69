'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import { loginAction } from '../actions';
import type { AuthFormState } from '../form-state';
import { FormStatus } from '@/app/_components/form-status';
import { PasskeySignIn } from './passkey-sign-in';

export function LoginForm({ next }: { next: string }) {
  const [state, formAction] = useActionState<AuthFormState, FormData>(loginAction, {});
  return (
    <form action={formAction} className="card form" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormStatus state={state} />
      <Field name="email" label="Email" type="email" autoComplete="username webauthn" defaultValue={state.values?.email} errors={state.fields?.email} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" errors={state.fields?.password} />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
      <PasskeySignIn next={next} />
      <p className="muted">
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="muted">
        New here? <Link href={next === '/' ? '/signup' : `/signup?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </form>
  );
}
