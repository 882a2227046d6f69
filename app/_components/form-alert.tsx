/**
 * A form's error message, in a live region that exists before the message does, so screen
 * readers announce it when it appears (a region added together with its text is often missed).
 */
export function FormAlert({ message }: { message?: string }) {
  return (
    <div role="alert" aria-live="assertive" className={message ? 'form-error' : 'visually-hidden'}>
      {message}
    </div>
  );
}
