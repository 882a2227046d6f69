'use client';
// The tamper demo. The client holds only the decoded payload (public anyway), never the token:
// the server takes the real token from the httpOnly cookie, swaps in this payload and verifies,
// and answers with the verdict alone. A plain form with a server action: without JavaScript it
// posts and the page comes back with the verdict; with it, the verdict appears in place.
import { useActionState, useId, useState } from 'react';
import { verifyTamperAction, type TamperState } from '../actions';

export function TamperDemo({ payloadJson }: { payloadJson: string }) {
  const [state, formAction, pending] = useActionState<TamperState, FormData>(verifyTamperAction, {});
  // Without JavaScript the page comes back rendered with the action's state: show what was sent.
  const [text, setText] = useState(state.values?.payload ?? payloadJson);
  const [editError, setEditError] = useState<string | null>(null);
  const fieldId = useId();
  const hintId = useId();

  function shift(claim: 'exp' | 'sub') {
    try {
      const value = JSON.parse(text) as Record<string, unknown>;
      if (claim === 'exp') value.exp = (typeof value.exp === 'number' ? value.exp : Math.floor(Date.now() / 1000)) + 365 * 24 * 3600;
      else value.sub = 'someone-else';
      setText(JSON.stringify(value, null, 2));
      setEditError(null);
    } catch {
      setEditError('The payload is not valid JSON; fix it first.');
    }
  }

  const verdict = state.result;
  const error = editError ?? (state.status === 'error' ? state.message : undefined);
  return (
    <form className="form" action={formAction}>
      <div className="field">
        <label htmlFor={fieldId}>Payload to send (edit any claim)</label>
        <textarea
          id={fieldId}
          name="payload"
          aria-describedby={hintId}
          className="learn-textarea"
          rows={11}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <p id={hintId} className="hint">
          The server keeps your token&apos;s real header and signature and swaps in this payload.
        </p>
      </div>
      <div className="learn-actions">
        <button type="button" className="button secondary small" onClick={() => shift('sub')}>
          Change sub
        </button>
        <button type="button" className="button secondary small" onClick={() => shift('exp')}>
          Add a year to exp
        </button>
        <button
          type="button"
          className="button secondary small"
          onClick={() => {
            setText(payloadJson);
            setEditError(null);
          }}
        >
          Reset
        </button>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Verifying…' : 'Verify with the server'}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="tamper-result">
        {error ? <p className="form-error">{error}</p> : null}
        {!error && verdict ? (
          <div className={verdict.valid ? 'success' : 'learn-rejected'}>
            <p>
              <strong>{verdict.valid ? 'Accepted' : 'Rejected'}</strong>
              {verdict.reason ? (
                <>
                  {' '}
                  (reason: <code>{verdict.reason}</code>)
                </>
              ) : null}
            </p>
            <p>{verdict.explanation}</p>
          </div>
        ) : null}
      </div>
    </form>
  );
}
