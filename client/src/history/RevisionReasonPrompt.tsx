import { REVISION_REASON_MAX } from "@logic-canvas/shared";
import "./history.css";
import { fieldWord } from "@logic-canvas/shared";
import { useEffect, useState } from "react";
import { useReviewContext } from "../review/review-context.ts";

/**
 * After this editor revises a goal's target, indicator or dates, asks (optionally) why; the reason
 * goes to the server's revision log with that change.
 */
export function RevisionReasonPrompt({ nodeId }: { nodeId: string }) {
  const ctx = useReviewContext();
  const [fields, setFields] = useState<string[] | null>(null);
  const [reason, setReason] = useState("");
  const [sent, setSent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const onRevision = ctx?.onRevision;
  useEffect(() => {
    if (!onRevision) return;
    return onRevision((revision) => {
      if (revision.nodeId !== nodeId) return;
      setSent(false);
      setProblem(null);
      setFields((known) => [...new Set([...(known ?? []), ...revision.fields])]);
    });
  }, [onRevision, nodeId]);

  if (sent)
    return (
      <p className="form-info small" role="status">
        Reason saved with the revision.
      </p>
    );
  if (!fields || !ctx?.sendRevisionReason) return null;
  const send = () => {
    const trimmed = reason.trim();
    if (!trimmed) return;
    const kept = fields;
    setFields(null);
    void ctx.sendRevisionReason?.(nodeId, trimmed.slice(0, REVISION_REASON_MAX)).then((failed) => {
      if (failed) {
        // Keep the words so the person can try again.
        setProblem(failed);
        setFields(kept);
      } else {
        setReason("");
        setSent(true);
      }
    });
  };
  return (
    <div className="revision-prompt" data-testid="revision-reason">
      <label className="field">
        <span>
          You revised this goal’s {fields.map(fieldWord).join(", ")}. Why? (optional, kept in its
          history)
        </span>
        <input
          type="text"
          value={reason}
          maxLength={REVISION_REASON_MAX}
          placeholder="e.g. Baseline data arrived; the target was too low"
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === "Enter") send();
          }}
        />
      </label>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <button type="button" disabled={reason.trim() === ""} onClick={send}>
        Save reason
      </button>
      <button type="button" className="link-button" onClick={() => setFields(null)}>
        Skip
      </button>
    </div>
  );
}
