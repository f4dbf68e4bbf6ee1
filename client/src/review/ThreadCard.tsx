import { useState } from "react";
import type { ThreadView } from "../collab/review-binding.ts";
import { MentionInput } from "./MentionInput.tsx";
import { useReviewContext } from "./review-context.ts";
import { ThreadMessage } from "./ThreadMessage.tsx";
import { THREAD_TYPE_LABEL } from "./thread-labels.ts";

interface Props {
  thread: ThreadView;
  anchorLabel: string;
  detached: boolean;
  canWrite: boolean;
  meId: string | null;
  names: string[];
  onOpen: () => void;
  onError: (message: string) => void;
}

/** One conversation: its anchor, messages, replies and status. */
export function ThreadCard(props: Props) {
  const { thread, canWrite, meId, names, onError } = props;
  const ctx = useReviewContext();
  const [expanded, setExpanded] = useState(false);
  // Kept here, not in the reply box, so a draft survives collapsing the thread.
  const [replyText, setReplyText] = useState("");
  const act = (work: () => void) => {
    try {
      work();
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <article
      className={`thread thread-${thread.type} status-${thread.status}${thread.unread ? " is-unread" : ""}`}
      data-testid="thread"
      data-thread-id={thread.id}
    >
      <ThreadHead
        thread={thread}
        anchorLabel={props.anchorLabel}
        detached={props.detached}
        expanded={expanded}
        onOpen={() => {
          setExpanded(true);
          props.onOpen();
        }}
      />
      {expanded && (
        <div className="thread-body">
          <ol className="messages">
            {thread.messages.map((m) => (
              <ThreadMessage
                key={m.id}
                message={m}
                own={canWrite && m.author.id === meId}
                names={names}
                onEdit={(text) => act(() => ctx?.binding.edit(thread.id, m.id, text))}
                onDelete={() => act(() => ctx?.binding.remove(thread.id, m.id))}
              />
            ))}
          </ol>
          {canWrite && (
            <ThreadReply
              thread={thread}
              names={names}
              text={replyText}
              onText={setReplyText}
              act={act}
            />
          )}
          <button type="button" className="link-button" onClick={() => setExpanded(false)}>
            Collapse
          </button>
        </div>
      )}
    </article>
  );
}

/** The thread's heading: kind, what it is about, status, and a preview while collapsed. */
function ThreadHead(props: {
  thread: ThreadView;
  anchorLabel: string;
  detached: boolean;
  expanded: boolean;
  onOpen: () => void;
}) {
  const { thread, expanded } = props;
  const first = thread.messages[0];
  return (
    <button type="button" className="thread-head" aria-expanded={expanded} onClick={props.onOpen}>
      <span className={`thread-type type-${thread.type}`}>{THREAD_TYPE_LABEL[thread.type]}</span>
      <span className={`thread-anchor${props.detached ? " detached" : ""}`}>
        {props.detached ? `Detached: ${props.anchorLabel}` : props.anchorLabel}
      </span>
      {thread.status === "resolved" && <span className="thread-status">Resolved</span>}
      {thread.mentionsMe && <span className="thread-mention">mentions you</span>}
      {thread.unread > 0 && (
        <span className="unread-dot" data-testid="thread-unread">
          {thread.unread} new
        </span>
      )}
      {!expanded && first && (
        <span className="thread-preview">
          {first.author.name}: {first.deleted ? "(deleted)" : first.text.slice(0, 120)}
          {thread.messages.length > 1 && ` · ${thread.messages.length - 1} replies`}
        </span>
      )}
    </button>
  );
}

/** The reply box under an open thread, with resolve / reopen. */
function ThreadReply(props: {
  thread: ThreadView;
  names: string[];
  text: string;
  onText: (text: string) => void;
  act: (work: () => void) => void;
}) {
  const { thread, text, act } = props;
  const ctx = useReviewContext();
  return (
    <div className="thread-reply">
      <MentionInput
        label="Reply"
        placeholder="Reply… (@ to mention someone)"
        value={text}
        onChange={props.onText}
        names={props.names}
      />
      <div className="thread-actions">
        <button
          type="button"
          disabled={text.trim() === ""}
          onClick={() =>
            act(() => {
              ctx?.binding.reply(thread.id, text);
              props.onText("");
            })
          }
        >
          Reply
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            act(() =>
              ctx?.binding.setStatus(thread.id, thread.status === "open" ? "resolved" : "open"),
            )
          }
        >
          {thread.status === "open" ? "Resolve" : "Reopen"}
        </button>
      </div>
    </div>
  );
}
