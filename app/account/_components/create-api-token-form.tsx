'use client';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import { API_TOKEN_TTL_DAYS } from '@/lib/validation/limits';
import { createApiTokenAction, type CreateTokenState } from '../actions';
import { CopyButton } from '@/app/_components/copy-button';
import { FormStatus } from '@/app/_components/form-status';
import styles from './account.module.css';

/** One scope the form offers. The list comes from the server component: lib/auth/tokens/scopes
 *  imports the token module (jose, the environment's schema), which has no place in the browser. */
export type ScopeChoice = { scope: string; description: string };

export function CreateApiTokenForm({ scopes }: { scopes: ScopeChoice[] }) {
  const [state, formAction] = useActionState<CreateTokenState, FormData>(createApiTokenAction, {});
  const chosen = new Set(state.values?.scopes ?? []);
  return (
    <form action={formAction} className="form" noValidate>
      <FormStatus state={state}>
        {state.result ? (
          <>
            <p>
              <strong>{state.result.name}</strong> created. Copy it now: it will not be shown again.
            </p>
            <label htmlFor="new-api-token">New API token</label>
            <textarea id="new-api-token" readOnly rows={4} className="token-output" value={state.result.token} />
            <div className={styles.copyRow}>
              <CopyButton value={state.result.token} label="new API token" />
            </div>
          </>
        ) : null}
      </FormStatus>
      <Field name="name" label="Token name" defaultValue={state.values?.name} errors={state.fields?.name} hint="For example: budget script" />
      <fieldset className="field" aria-describedby={state.fields?.scopes ? 'scopes-error' : undefined}>
        <legend>Scopes</legend>
        {scopes.map(({ scope, description }) => (
          <label key={scope} className="checkbox">
            <input type="checkbox" name="scopes" value={scope} defaultChecked={chosen.has(scope)} /> <code>{scope}</code> {description}
          </label>
        ))}
        {state.fields?.scopes ? (
          <p id="scopes-error" className="field-error">
            {state.fields.scopes.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor="ttlDays">Expires after</label>
        <select id="ttlDays" name="ttlDays" defaultValue={state.values?.ttlDays ?? '30'}>
          {API_TOKEN_TTL_DAYS.map((days) => (
            <option key={days} value={days}>
              {days} days
            </option>
          ))}
        </select>
      </div>
      <SubmitButton pendingText="Creating token…">Create token</SubmitButton>
    </form>
  );
}
