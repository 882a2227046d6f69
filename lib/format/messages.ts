// "Each error said once": a form-level message that only repeats a field's error is left to the
// field (which says it beside the box and is where focus goes).
import type { FieldErrors } from '@/lib/errors';

const core = (text: string) => text.replace(/[.:!\s]+$/, '');

export function repeatsFieldError(message: string | undefined, fields: FieldErrors | undefined): boolean {
  if (!message) return false;
  return Object.values(fields ?? {}).some((errors) => errors?.some((e) => message.startsWith(core(e)) || e.startsWith(core(message))));
}
