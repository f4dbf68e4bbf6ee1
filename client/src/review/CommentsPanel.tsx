import { useState } from "react";
import type { ThreadView } from "../collab/review-binding.ts";
import type { PanelProps } from "../editor/panels/panel-props.ts";
import { selectionAnchor, useAnchorLabels } from "./anchor-labels.ts";
import { CommentFilters } from "./CommentFilters.tsx";
import { NameToWrite } from "./NameToWrite.tsx";
import { NewThreadForm } from "./NewThreadForm.tsx";
import { canComment, participantNames } from "./participants.ts";
import { useReviewContext } from "./review-context.ts";
import { useReviewSnapshot } from "./review-hooks.ts";
import { ThreadCard } from "./ThreadCard.tsx";
import { shownThreads } from "./thread-filters.ts";
import { useThreadFilter } from "./use-thread-filter.ts";

/** The comments sidebar: every conversation on the model, filtered, and a box to start one. */
export function CommentsPanel({ model, selection }: PanelProps) {
  const ctx = useReviewContext();
  const snapshot = useReviewSnapshot();
  const [filter, patchFilter] = useThreadFilter();
  const [error, setError] = useState<string | null>(null);
  const names = participantNames(snapshot, ctx?.presentNames ?? []);
  const writable = ctx ? canComment(ctx.role, snapshot) : false;
  const describe = useAnchorLabels(model);
  const shown = shownThreads(snapshot.threads, filter, (a) => describe(a).detached);
  const anchor = selectionAnchor(selection);

  function open(thread: ThreadView) {
    ctx?.binding.markRead(thread.id);
    const { detached } = describe(thread.anchor);
    if (detached) return;
    if (thread.anchor.kind === "node") ctx?.focus([thread.anchor.id]);
    else if (thread.anchor.kind === "edge") ctx?.focus([], [thread.anchor.id]);
  }

  return (
    <div className="comments-panel" data-testid="comments-panel">
      {writable ? (
        <NewThreadForm
          anchor={anchor}
          anchorLabel={describe(anchor).label}
          names={names}
          onError={setError}
        />
      ) : ctx?.role !== "viewer" && !ctx?.displayName ? (
        <NameToWrite what="comment" />
      ) : (
        <p className="muted small" data-testid="comments-read-only">
          {snapshot.me === null && ctx?.role !== "viewer"
            ? "Connecting… comments can be written once the server knows who you are."
            : "Your link lets you read the comments, not write them."}
        </p>
      )}
      {(error || snapshot.problem) && (
        <p className="form-error" role="alert" data-testid="comments-problem">
          {error ?? snapshot.problem}
        </p>
      )}
      <CommentFilters filter={filter} onChange={patchFilter} nodes={model.nodes} />
      {shown.length === 0 ? (
        <p className="panel-empty">No conversations match.</p>
      ) : (
        <div className="thread-list">
          {shown.map((t) => {
            const { label, detached } = describe(t.anchor);
            return (
              <ThreadCard
                key={t.id}
                thread={t}
                anchorLabel={label}
                detached={detached}
                canWrite={writable}
                meId={snapshot.me?.id ?? null}
                names={names}
                onOpen={() => open(t)}
                onError={setError}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}
