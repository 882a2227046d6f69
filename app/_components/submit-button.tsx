'use client';
import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

/** A submit button that shows a pending state while its form's action runs. */
export function SubmitButton({ children, pendingText, className = 'button' }: { children: ReactNode; pendingText: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? pendingText : children}
    </button>
  );
}
