import { type Anchor, THREAD_TYPES, type ThreadType } from "@logic-canvas/shared";
import { useEffect, useMemo, useState } from "react";
import type { ThreadView } from "../collab/review-binding.ts";
import type { PanelProps } from "../editor/panels/panel-props.ts";
import { onCommentsRequest, takeCommentsRequest } from "./comments-request.ts";
import { MentionInput } from "./MentionInput.tsx";
import { NameToWrite } from "./NameToWrite.tsx";
import { canComment, participantNames } from "./participants.ts";
import { useReviewContext } from "./review-context.ts";
import { useReviewSnapshot } from "./review-hooks.ts";
import { ThreadCard } from "./ThreadCard.tsx";
import { THREAD_TYPE_LABEL } from "./thread-labels.ts";

type StatusFilter = "open" | "resolved" | "all";

/** Threads that mention me first, then unread ones, then the most recently active. */
export function orderThreads(threads: ThreadView[]): ThreadView[] {
  return [...threads].sort(
    (a, b) =>
      Number(b.mentionsMe) - Number(a.mentionsMe) ||
      Number(b.unread > 0) - Number(a.unread > 0) ||
      b.lastActivity.localeCompare(a.lastActivity),
  );
}

/** The comments sidebar: every conversation on the model, filtered, and a box to start one. */
export function CommentsPanel({ model, selection }: PanelProps) {
  const ctx = useReviewContext();
  const snapshot = useReviewSnapshot();
  const [status, setStatus] = useState<StatusFilter>("open");
  const [type, setType] = useState<ThreadType | "all">("all");
  // Opened from a card's comment badge: start filtered on that card.
  const [node, setNode] = useState<string>(() => takeCommentsRequest()?.nodeId ?? "all");
  useEffect(
    () =>
      onCommentsRequest(() => {
        const request = takeCommentsRequest();
        if (request) setNode(request.nodeId);
      }),
    [],
  );
  const [mine, setMine] = useState(false);
  const [newType, setNewType] = useState<ThreadType>("question");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const names = participantNames(snapshot, ctx?.presentNames ?? []);
  const writable = ctx ? canComment(ctx.role, snapshot) : false;

  const nodeTitle = useMemo(() => new Map(model.nodes.map((n) => [n.id, n.title])), [model.nodes]);
  const edgeIds = useMemo(() => new Set(model.edges.map((e) => e.id)), [model.edges]);
  const edgeLabel = (id: string) => {
    const edge = model.edges.find((e) => e.id === id);
    if (!edge) return "a deleted link";
    return `${nodeTitle.get(edge.source) ?? "?"} → ${nodeTitle.get(edge.target) ?? "?"}`;
  };
  const describe = (anchor: Anchor): { label: string; detached: boolean } => {
    if (anchor.kind === "model") return { label: "Whole model", detached: false };
    if (anchor.kind === "edge")
      return { label: `Link ${edgeLabel(anchor.id)}`, detached: !edgeIds.has(anchor.id) };
    const title = nodeTitle.get(anchor.id);
    return { label: title ?? "a deleted card", detached: title === undefined };
  };

  const shown = orderThreads(
    snapshot.threads.filter((t) => {
      if (status !== "all" && t.status !== status) return false;
      if (type !== "all" && t.type !== type) return false;
      if (mine && !t.mentionsMe) return false;
      if (node === "model") return t.anchor.kind === "model";
      if (node === "detached") return describe(t.anchor).detached;
      if (node !== "all") return t.anchor.kind === "node" && t.anchor.id === node;
      return true;
    }),
  );

  const selectedNode = selection.nodeIds.length === 1 ? selection.nodeIds[0] : undefined;
  const selectedEdge =
    selection.nodeIds.length === 0 && selection.edgeIds.length === 1
      ? selection.edgeIds[0]
      : undefined;
  const anchor: Anchor = selectedNode
    ? { kind: "node", id: selectedNode }
    : selectedEdge
      ? { kind: "edge", id: selectedEdge }
      : { kind: "model" };

  function start() {
    if (!ctx || text.trim() === "") return;
    try {
      ctx.binding.startThread(anchor, newType, text.trim());
      setText("");
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

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
        <div className="new-thread">
          <p className="small">
            New conversation on <strong>{describe(anchor).label}</strong>
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
            names={names}
            onSubmit={start}
          />
          <button type="button" disabled={text.trim() === ""} onClick={start}>
            Comment
          </button>
        </div>
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
      <div className="comment-filters">
        <select
          aria-label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value as StatusFilter)}
        >
          <option value="open">Open</option>
          <option value="resolved">Resolved</option>
          <option value="all">Open and resolved</option>
        </select>
        <select
          aria-label="Type"
          value={type}
          onChange={(e) => setType(e.target.value as ThreadType | "all")}
        >
          <option value="all">All types</option>
          {THREAD_TYPES.map((t) => (
            <option key={t} value={t}>
              {THREAD_TYPE_LABEL[t]}
            </option>
          ))}
        </select>
        <select aria-label="Card" value={node} onChange={(e) => setNode(e.target.value)}>
          <option value="all">Everywhere</option>
          <option value="model">Whole model</option>
          <option value="detached">Detached</option>
          {model.nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.title.slice(0, 40) || "(untitled)"}
            </option>
          ))}
        </select>
        <label className="checkbox">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />
          Mentions me
        </label>
      </div>
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
