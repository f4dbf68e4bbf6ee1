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
