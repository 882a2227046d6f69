'use client';
import { useState } from 'react';
import { useHydrated } from './use-hydrated';

/**
 * Copies a value (a new API token) to the clipboard and says so. Rendered only once JavaScript
 * runs: without it the text box stays, ready to select and copy by hand.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const ready = useHydrated();
  const [said, setSaid] = useState('');
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
