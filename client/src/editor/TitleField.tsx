import { TITLE_MAX } from "@logic-canvas/shared";
import { useEffect, useState } from "react";

export function TitleField({
  value,
  readOnly,
  onChange,
}: {
  value: string;
  readOnly: boolean;
  onChange: (title: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setDraft(value);
  }, [value, focused]);
  if (readOnly) return <h1 className="model-title">{value}</h1>;
  return (
    <>
      {/* The page's heading for screen readers; the field below shows and edits the title. */}
      <h1 className="visually-hidden">{value}</h1>
      <input
        className="model-title model-title-input"
        aria-label="Model title"
        value={draft}
        maxLength={TITLE_MAX}
        onFocus={() => setFocused(true)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          setFocused(false);
          const title = draft.trim();
          if (title && title !== value) onChange(title);
          else setDraft(value);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") (e.target as HTMLInputElement).blur();
        }}
      />
    </>
  );
}
