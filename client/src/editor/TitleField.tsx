import { titleProblem } from "@logic-canvas/shared";
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
    // A title too long to save stays, with its reason, instead of being cut or dropped.
    if (!focused) setDraft((d) => (titleProblem(d) ? d : value));
  }, [value, focused]);
  if (readOnly) return <h1 className="model-title">{value}</h1>;
  const problem = titleProblem(draft);
  return (
    <>
      {/* The page's heading for screen readers; the field below shows and edits the title. */}
      <h1 className="visually-hidden">{value}</h1>
      <input
        className="model-title model-title-input"
        aria-label="Model title"
        value={draft}
        aria-invalid={problem ? true : undefined}
        onFocus={() => setFocused(true)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          setFocused(false);
          const title = draft.trim();
          if (problem) return;
          if (title && title !== value) onChange(title);
          else setDraft(value);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") (e.target as HTMLInputElement).blur();
        }}
      />
      {problem && (
        <span className="model-title-problem" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
