'use client';
import { useId, useState, type ReactNode } from 'react';
import { useHydrated } from './use-hydrated';
import styles from './field.module.css';

/**
 * A labelled input whose errors are tied to it with aria-describedby and aria-invalid. Password
 * fields get a "Show" toggle once JavaScript runs (without it the button would do nothing, so it
 * is not rendered until then). `errorAction` follows the error, e.g. a "Sign in instead" link.
 */
export function Field({
  name,
  label,
  type = 'text',
  defaultValue,
  errors,
  errorAction,
  autoComplete,
  hint,
  required = true,
}: {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string;
  errors?: string[];
  errorAction?: ReactNode;
  autoComplete?: string;
  hint?: string;
  required?: boolean;
}) {
  // One page can hold two forms with a field of the same name (/account: a new address, and the
  // address typed to delete the account); an id per rendered field keeps each label on its input.
  const id = `${name}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [errors?.length ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  const [shown, setShown] = useState(false);
  const hydrated = useHydrated();
  const isPassword = type === 'password';
  const input = (
    <input
      id={id}
      name={name}
      type={isPassword && shown ? 'text' : type}
      defaultValue={defaultValue}
      autoComplete={autoComplete}
      required={required}
      aria-invalid={errors?.length ? true : undefined}
      aria-describedby={describedBy}
      spellCheck={isPassword || type === 'email' ? false : undefined}
      autoCapitalize={isPassword || type === 'email' ? 'none' : undefined}
    />
  );
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {isPassword ? (
        // The wrapper is there from the server's HTML on, so hydration never replaces the input
        // (and what was typed before it finished stays).
        <div className={styles.withToggle}>
          {input}
          {hydrated ? (
            <button type="button" className={styles.toggle} aria-pressed={shown} aria-controls={id} onClick={() => setShown((s) => !s)}>
              Show<span className="visually-hidden"> {label.toLowerCase()}</span>
            </button>
          ) : null}
        </div>
      ) : (
        input
      )}
      {errors?.length ? (
        <p id={errorId} className="field-error">
          {errors.join(' ')}
          {errorAction ? <> {errorAction}</> : null}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
