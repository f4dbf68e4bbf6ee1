import { useEffect, useId, useState } from "react";

/** A text field that commits on blur (one undo step per edit, not per keystroke). */
export function CommitField({
  label,
  value,
  readOnly,
  multiline,
  placeholder,
  maxLength,
  onCommit,
}: {
  label: string;
  value: string;
  readOnly: boolean;
  multiline?: boolean;
  placeholder?: string;
  maxLength?: number;
  onCommit: (value: string) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setDraft(value);
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
      if (draft !== value) onCommit(draft);
    },
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={3} {...common} /> : <input {...common} />}
    </div>
  );
}
