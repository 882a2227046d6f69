import type { ReactNode } from 'react';
import type { FormState } from '@/lib/form-state';
import { FormAlert } from './form-alert';

/**
 * How every form shows the outcome of a submit (lib/form-state.ts): success in a polite status
 * region, a refusal in an assertive alert. Both regions exist before any message does, so screen
 * readers announce the message when it appears. `children` adds to a success (a link, a secret).
 */
export function FormStatus({ state, children }: { state: FormState<object, unknown>; children?: ReactNode }) {
  const ok = state.status === 'ok';
  const success = ok && (state.message || children);
  return (
    <>
      <div role="status" aria-live="polite" className={success ? 'success' : 'visually-hidden'}>
        {ok ? state.message : null}
        {ok ? children : null}
      </div>
      <FormAlert message={ok ? undefined : state.message} />
    </>
  );
}
