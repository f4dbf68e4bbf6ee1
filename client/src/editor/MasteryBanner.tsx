import { useEffect, useRef, useState } from "react";
import { MasteryVotes } from "../review/CardReviewBadges.tsx";

/**
 * The overarching mastery goal across the top; edited in place by editors. It shows as text and
 * opens for editing on a click or Enter, never on a Tab stop, so that a person tabbing through
 * the page (or typing shortcuts) cannot overwrite the team's goal by accident.
 */
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
  const [editing, setEditing] = useState(false);
  // After Enter or Escape the keyboard stays on the goal; after a click elsewhere it does not.
  const refocus = useRef(false);
  const show = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!editing && refocus.current) {
      refocus.current = false;
      show.current?.focus();
    }
  }, [editing]);
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
      ) : !editing ? (
        <button
          ref={show}
          type="button"
          className="mastery-input mastery-show"
          data-testid="mastery-show"
          aria-label={`Mastery goal: ${value || "none yet"}. Press Enter to edit.`}
          title="Click or press Enter to edit"
          onClick={() => setEditing(true)}
        >
          {value || <span className="muted">Students will become… (click to set the goal)</span>}
        </button>
      ) : (
        <textarea
          className="mastery-input"
          aria-label="Mastery goal"
          rows={1}
          // biome-ignore lint/a11y/noAutofocus: the person just asked to edit the goal
          autoFocus
          value={draft}
          placeholder="Students will become… (the one goal everything here serves)"
          onFocus={() => setFocused(true)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            setFocused(false);
            setEditing(false);
            if (draft !== value) onChange(draft);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey) {
              e.preventDefault();
              refocus.current = true;
              (e.target as HTMLTextAreaElement).blur();
            } else if (e.key === "Escape") {
              e.stopPropagation();
              refocus.current = true;
              setDraft(value);
              setEditing(false);
            }
          }}
        />
      )}
      <MasteryVotes />
    </section>
  );
}
