'use client';
import { useEffect, useRef } from 'react';
import { useFormStatus } from 'react-dom';
import type { FieldErrors } from '@/lib/errors';
import { repeatsFieldError } from '@/lib/format/messages';

/**
 * After a submit comes back with errors, focus goes to the first invalid field of the form (its
 * error is read with it, through aria-describedby), or to the form's alert when no field is at
 * fault. Focus stays put after a success. Render it inside the <form>.
 */
export function FocusOnError({ alertRef }: { alertRef?: React.RefObject<HTMLElement | null> }) {
  const { pending } = useFormStatus();
  const marker = useRef<HTMLSpanElement>(null);
  const wasPending = useRef(false);
  useEffect(() => {
    if (pending) {
      wasPending.current = true;
      return;
    }
    if (!wasPending.current) return;
    wasPending.current = false;
    const form = marker.current?.closest('form');
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else if (alertRef?.current?.textContent) alertRef.current.focus();
  }, [pending, alertRef]);
  return <span ref={marker} hidden />;
}

/**
 * A form's error message, in a live region that exists before the message does, so screen
 * readers announce it when it appears (a region added together with its text is often missed).
 * A message that only repeats a field's error is not shown twice: the field says it.
 */
export function FormAlert({ message, fields }: { message?: string; fields?: FieldErrors }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = repeatsFieldError(message, fields) ? undefined : message;
  return (
    <>
      <div ref={ref} role="alert" aria-live="assertive" tabIndex={-1} className={shown ? 'form-error' : 'visually-hidden'}>
        {shown}
      </div>
      <FocusOnError alertRef={ref} />
    </>
  );
}
