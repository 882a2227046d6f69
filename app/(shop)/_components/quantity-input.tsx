import { MAX_LINE_QUANTITY } from '@/lib/validation/limits';

/** A labelled quantity box whose errors are tied to it (aria-describedby, aria-invalid). */
export function QuantityInput({
  id,
  label = 'Quantity',
  defaultValue = 1,
  min = 1,
  max = MAX_LINE_QUANTITY,
  errors,
  labelHidden = false,
}: {
  id: string;
  label?: string;
  /** A number, or what the user typed when it was refused. */
  defaultValue?: number | string;
  min?: number;
  max?: number;
  errors?: string[];
  labelHidden?: boolean;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="quantity-field">
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        name="quantity"
        type="number"
        inputMode="numeric"
        min={min}
        max={Math.max(min, Math.min(max, MAX_LINE_QUANTITY))}
        step={1}
        defaultValue={defaultValue}
        required
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
      />
      {errors?.length ? (
        <p id={errorId} className="field-error">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
