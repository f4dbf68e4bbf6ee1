import { type Anchor, THREAD_TYPES, type ThreadType } from "@logic-canvas/shared";
import { useState } from "react";
import { MentionInput } from "./MentionInput.tsx";
import { useReviewContext } from "./review-context.ts";
import { THREAD_TYPE_LABEL } from "./thread-labels.ts";

/** Starts a conversation of a chosen kind on `anchor` (the selection, or the whole model). */
export function NewThreadForm(props: {
  anchor: Anchor;
  anchorLabel: string;
  names: string[];
  onError: (message: string | null) => void;
}) {
  const { anchor, onError } = props;
  const ctx = useReviewContext();
  const [newType, setNewType] = useState<ThreadType>("question");
  const [text, setText] = useState("");

  function start() {
    if (!ctx || text.trim() === "") return;
    try {
      ctx.binding.startThread(anchor, newType, text.trim());
      setText("");
      onError(null);
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div className="new-thread">
      <p className="small">
        New conversation on <strong>{props.anchorLabel}</strong>
        {anchor.kind === "model" && (
          <span className="muted"> (select a card or link to comment on it)</span>
        )}
      </p>
      <fieldset className="type-picker">
        <legend className="visually-hidden">Kind of comment</legend>
        {THREAD_TYPES.map((t) => (
          <button
            key={t}
            type="button"
            aria-pressed={newType === t}
            className={`thread-type type-${t}`}
            onClick={() => setNewType(t)}
          >
            {THREAD_TYPE_LABEL[t]}
          </button>
        ))}
      </fieldset>
      <MentionInput
        label="New comment"
        placeholder="Write a comment… (@ to mention someone, Ctrl+Enter to post)"
        value={text}
        onChange={setText}
        names={props.names}
        onSubmit={start}
      />
      <button type="button" disabled={text.trim() === ""} onClick={start}>
        Comment
      </button>
    </div>
  );
}
