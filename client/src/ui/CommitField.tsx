import { useEffect, useId, useState } from "react";

/** A text field that commits on blur (one undo step per edit, not per keystroke). */
export function CommitField({
  label,
  value,
  readOnly,
  multiline,
  placeholder,
  maxLength,
  problemOf,
  onCommit,
}: {
  label: string;
  value: string;
  readOnly: boolean;
  multiline?: boolean;
  placeholder?: string;
  maxLength?: number;
  /** Why a value cannot be saved (shown, and the value not committed), or null. */
  problemOf?: (value: string) => string | null;
  onCommit: (value: string) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const problem = problemOf?.(draft) ?? null;
  const [focused, setFocused] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: problemOf is a pure rule, not state
  useEffect(() => {
    // A draft that cannot be saved is kept with its reason rather than silently replaced.
    if (!focused) setDraft((d) => (problemOf?.(d) ? d : value));
  }, [value, focused]);
  const common = {
    id,
    value: draft,
    readOnly,
    placeholder,
    maxLength,
    onFocus: () => setFocused(true),
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: () => {
      setFocused(false);
      // A value that cannot be saved stays in the field with its reason, never cut or dropped.
      if (draft !== value && !problem) onCommit(draft);
    },
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={3} {...common} /> : <input {...common} />}
      {problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
