import { useEffect, useId, useState } from "react";

/** A number field that commits on blur or Enter; empty commits `undefined`. */
export function NumberField({
  label,
  value,
  readOnly,
  integer,
  onCommit,
  testId,
}: {
  label: string;
  value: number | undefined;
  readOnly: boolean;
  integer?: boolean;
  onCommit: (value: number | undefined) => void;
  testId?: string;
}) {
  const id = useId();
  const shown = value === undefined ? "" : String(value);
  const [draft, setDraft] = useState(shown);
  const [error, setError] = useState("");
  useEffect(() => setDraft(shown), [shown]);
  function commit() {
    const text = draft.trim();
    if (text === shown) return;
    if (text === "") {
      setError("");
      onCommit(undefined);
      return;
    }
    const number = Number(text);
    if (!Number.isFinite(number) || (integer && !Number.isInteger(number))) {
      setError(integer ? "Enter a whole number." : "Enter a number.");
      return;
    }
    setError("");
    onCommit(number);
  }
  return (
    <div className="field field-number">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        step={integer ? 1 : "any"}
        inputMode="decimal"
        value={draft}
        readOnly={readOnly}
        data-testid={testId}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * A date field (YYYY-MM-DD). A browser date input reports "" while a date is half typed, so only
 * a complete date is committed; the domain has no "remove only the date" change, so an emptied
 * field goes back to the stored date.
 */
export function DateField({
  label,
  value,
  readOnly,
  onCommit,
  testId,
  onClear,
}: {
  label: string;
  value: string | undefined;
  readOnly: boolean;
  onCommit: (value: string) => void;
  testId?: string;
  /** Emptying the field removes the date; without this a date is required and emptying undoes. */
  onClear?: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value ?? "");
  useEffect(() => setDraft(value ?? ""), [value]);
  return (
    <div className="field field-date">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={draft}
        readOnly={readOnly}
        data-testid={testId}
        onChange={(e) => {
          setDraft(e.target.value);
          if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && e.target.value !== value)
            onCommit(e.target.value);
          else if (e.target.value === "" && value !== undefined) onClear?.();
        }}
        onBlur={() => setDraft(value ?? "")}
      />
    </div>
  );
}
