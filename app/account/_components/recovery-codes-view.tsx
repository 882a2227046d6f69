'use client';
// Recovery codes, shown once: a list, "Copy" (needs JavaScript) and "Download" (a plain link to
// a data: URL, which works without it).
import { useState } from 'react';
import styles from './strong.module.css';

export function RecoveryCodesView({ codes }: { codes: string[] }) {
  const [copied, setCopied] = useState(false);
  const text = `Tokenshop recovery codes (each works once)\n\n${codes.join('\n')}\n`;
  return (
    <div className="stack" data-testid="recovery-codes">
      <p>
        <strong>Save these recovery codes now: they are shown only once.</strong> Each one signs you in once if you lose your
        authenticator app.
      </p>
      <ul className={styles.codes} aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p className={styles.row}>
        <button
          type="button"
          className="button secondary small"
          onClick={() => {
            void navigator.clipboard.writeText(text).then(() => setCopied(true));
          }}
        >
          {copied ? 'Copied' : 'Copy codes'}
        </button>
        <a className="button secondary small" download="tokenshop-recovery-codes.txt" href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}>
          Download codes
        </a>
        <span role="status" className="visually-hidden">
          {copied ? 'Recovery codes copied to the clipboard.' : ''}
        </span>
      </p>
    </div>
  );
}
