// Labelled form controls with hints and error text tied to the input for assistive technology.
import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  /** One input, select or textarea; it receives id, aria-describedby and aria-invalid. */
  children: ReactElement<Record<string, unknown>>;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  className?: string;
}

export function Field({ label, children, hint, error, required, className }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const control = isValidElement(children)
    ? cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, required })
    : children;
  return (
    <div className={`field ${className ?? ''}`}>
      <span className="field__label-row">
        <label htmlFor={id} className="field__label">
          {label}
        </label>
        {/* Outside the label, so the accessible name stays the label itself; `required` tells assistive technology. */}
        {required && (
          <span className="field__required" aria-hidden="true">
            *
          </span>
        )}
      </span>
      {control}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A group of checkboxes (roles, scopes) with a legend, for choosing several names from a list. */
export function CheckboxGroup({
  legend,
  options,
  value,
  onChange,
  error,
  hint,
  columns,
}: {
  legend: string;
  options: readonly { value: string; label: ReactNode; description?: string | undefined }[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
  hint?: string | undefined;
  columns?: boolean;
}) {
  const id = useId();
  const toggle = (name: string, on: boolean) => onChange(on ? [...value, name] : value.filter((v) => v !== name));
  return (
    <fieldset className="fieldset" aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}>
      <legend className="field__label">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      <div className={columns ? 'checks checks--columns' : 'checks'}>
        {options.map((o) => (
          <label key={o.value} className="check">
            <input type="checkbox" checked={value.includes(o.value)} onChange={(e) => toggle(o.value, e.currentTarget.checked)} />
            <span>
              <span className="check__label">{o.label}</span>
              {o.description && <span className="check__description">{o.description}</span>}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
