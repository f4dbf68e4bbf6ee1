import { useEffect, useId, useState } from "react";

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
