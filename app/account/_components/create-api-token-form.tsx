'use client';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import { API_SCOPES, SCOPE_DESCRIPTIONS } from '@/lib/auth/tokens/scopes';
import { API_TOKEN_TTL_DAYS } from '@/lib/validation/api-token';
import { createApiTokenAction, type CreateTokenState } from '../actions';
import { FormStatus } from '@/app/_components/form-status';

export function CreateApiTokenForm() {
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
          </>
        ) : null}
      </FormStatus>
      <Field name="name" label="Token name" defaultValue={state.values?.name} errors={state.fields?.name} hint="For example: budget script" />
      <fieldset className="field" aria-describedby={state.fields?.scopes ? 'scopes-error' : undefined}>
        <legend>Scopes</legend>
        {API_SCOPES.map((scope) => (
          <label key={scope} className="checkbox">
            <input type="checkbox" name="scopes" value={scope} defaultChecked={chosen.has(scope)} /> <code>{scope}</code> {SCOPE_DESCRIPTIONS[scope]}
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
