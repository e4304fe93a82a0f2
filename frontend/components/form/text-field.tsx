/** A labelled input with its hint or its problem underneath, tied together for screen readers. */
import { useId } from "react";

type TextFieldProps = {
  name: string;
  label: string;
  type?: string;
  autoComplete: string;
  problem?: string;
  hint?: string;
  defaultValue?: string;
  maxLength?: number;
};

export function TextField({ name, label, type = "text", autoComplete, problem, hint, defaultValue, maxLength }: TextFieldProps) {
  // Several forms share a page (the account page has four), so ids come from React, not from `name`.
  const id = useId();
  const note = problem ?? hint;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        maxLength={maxLength}
        aria-invalid={problem ? true : undefined}
        aria-describedby={note ? `${id}-note` : undefined}
      />
      {note && (
        <p id={`${id}-note`} className={problem ? "field-problem" : "field-hint"}>
          {note}
        </p>
      )}
    </div>
  );
}
