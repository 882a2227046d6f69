'use client';
// The tamper demo. The client holds only the decoded payload (public anyway), never the token:
// the server takes the real token from the httpOnly cookie, swaps in this payload and verifies.
import { useId, useState, type FormEvent } from 'react';

type Verdict =
  | { kind: 'result'; valid: boolean; changed: boolean; reason: string | null; explanation: string; token?: string }
  | { kind: 'error'; message: string };

function colouredToken(token: string) {
  const [header = '', payload = '', signature = ''] = token.split('.');
  return (
    <code className="jwt-raw">
      <span className="jwt-header">{header}</span>.<span className="jwt-payload">{payload}</span>.<span className="jwt-signature">{signature}</span>
    </code>
  );
}

export function TamperDemo({ payloadJson }: { payloadJson: string }) {
  const [text, setText] = useState(payloadJson);
  const [pending, setPending] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const fieldId = useId();
  const hintId = useId();

  function shift(claim: 'exp' | 'sub') {
    try {
      const value = JSON.parse(text) as Record<string, unknown>;
      if (claim === 'exp') value.exp = (typeof value.exp === 'number' ? value.exp : Math.floor(Date.now() / 1000)) + 365 * 24 * 3600;
      else value.sub = 'someone-else';
      setText(JSON.stringify(value, null, 2));
    } catch {
      setVerdict({ kind: 'error', message: 'The payload is not valid JSON; fix it first.' });
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      setVerdict({ kind: 'error', message: 'That is not valid JSON, so it is not a payload yet.' });
      return;
    }
    setPending(true);
    try {
      const response = await fetch('/api/learn/verify', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ payload }),
      });
      const body = (await response.json()) as Record<string, unknown>;
      if (!response.ok) {
        const error = body.error as { message?: string } | undefined;
        setVerdict({ kind: 'error', message: error?.message ?? `The server answered ${response.status}.` });
      } else {
        setVerdict({
          kind: 'result',
          valid: body.valid === true,
          changed: body.changed === true,
          reason: typeof body.reason === 'string' ? body.reason : null,
          explanation: String(body.explanation ?? ''),
          ...(typeof body.token === 'string' ? { token: body.token } : {}),
        });
      }
    } catch {
      setVerdict({ kind: 'error', message: 'The request failed; check your connection and try again.' });
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={fieldId}>Payload to send (edit any claim)</label>
        <textarea id={fieldId} aria-describedby={hintId} className="learn-textarea" rows={11} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
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
        <button type="button" className="button secondary small" onClick={() => setText(payloadJson)}>
          Reset
        </button>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Verifying…' : 'Verify with the server'}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="tamper-result">
        {verdict?.kind === 'error' ? <p className="form-error">{verdict.message}</p> : null}
        {verdict?.kind === 'result' ? (
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
            {verdict.token ? <p className="learn-token-line">Token the server checked: {colouredToken(verdict.token)}</p> : null}
          </div>
        ) : null}
      </div>
    </form>
  );
}
