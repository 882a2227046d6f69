'use client';
import type { MouseEvent, ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

/**
 * A submit button that shows a pending state while its form's action runs. It stays enabled and
 * focusable (aria-disabled, repeat clicks ignored): a `disabled` button loses focus, which drops
 * keyboard and screen-reader users back to the top of the page after every submit.
 */
export function SubmitButton({
  children,
  pendingText,
  className = 'button',
  name,
  value,
}: {
  children: ReactNode;
  pendingText: string;
  className?: string;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  const ignoreWhilePending = (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) event.preventDefault();
  };
  return (
    <button type="submit" className={className} aria-disabled={pending || undefined} onClick={ignoreWhilePending} name={name} value={value}>
      {pending ? pendingText : children}
    </button>
  );
}
