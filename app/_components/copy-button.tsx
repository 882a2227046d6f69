'use client';
import { useEffect, useState } from 'react';

/**
 * Copies a value (a new API token) to the clipboard and says so. Rendered only once JavaScript
 * runs: without it the text box stays, ready to select and copy by hand.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [ready, setReady] = useState(false);
  const [said, setSaid] = useState('');
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setSaid('Copied.');
    } catch {
      setSaid('Copying was refused by the browser: select the text and copy it.');
    }
  };
  return (
    <>
      <button type="button" className="button small secondary" onClick={copy}>
        Copy<span className="visually-hidden"> {label}</span>
      </button>
      <span role="status" className="hint">
        {said}
      </span>
    </>
  );
}
