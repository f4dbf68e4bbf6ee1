import { useEffect, useState } from "react";
import { MasteryVotes } from "../review/CardReviewBadges.tsx";

/** The overarching mastery goal across the top; edited in place by editors. */
export function MasteryBanner({
  value,
  readOnly,
  onChange,
}: {
  value: string;
  readOnly: boolean;
  onChange: (masteryGoal: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setDraft(value);
  }, [value, focused]);
  return (
    <section className="mastery" aria-label="Mastery goal">
      <span className="mastery-label" title="The one overarching goal the whole model serves">
        Mastery goal
      </span>
      {readOnly ? (
        <p className="mastery-text">
          {value || <span className="muted">No mastery goal yet.</span>}
        </p>
      ) : (
        <textarea
          className="mastery-input"
          aria-label="Mastery goal"
          rows={1}
          value={draft}
          placeholder="Students will become… (the one goal everything here serves)"
          onFocus={() => setFocused(true)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            setFocused(false);
            if (draft !== value) onChange(draft);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey) {
              e.preventDefault();
              (e.target as HTMLTextAreaElement).blur();
            }
          }}
        />
      )}
      <MasteryVotes />
    </section>
  );
}
