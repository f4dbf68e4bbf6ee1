import { type CommentMessage, mentionsIn } from "@logic-canvas/shared";
import { type ReactNode, useState } from "react";
import type { ThreadView } from "../collab/review-binding.ts";
import { timeAgo } from "../ui/time-ago.ts";
import { MentionInput } from "./MentionInput.tsx";
import { useReviewContext } from "./review-context.ts";
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

function withMentions(text: string, names: string[]): ReactNode[] {
  const found = mentionsIn(text, names);
  if (found.length === 0) return [text];
  const pattern = new RegExp(
    `(@(?:${found.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")}))`,
    "giu",
  );
  return text.split(pattern).map((part, i) =>
    i % 2 === 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: a part's position in the same text is stable
      <mark key={i} className="mention">
        {part}
      </mark>
    ) : (
      part
    ),
  );
}

function Message(props: {
  message: CommentMessage;
  own: boolean;
  names: string[];
  onEdit: (text: string) => void;
  onDelete: () => void;
}) {
  const { message, own, names } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.text);
  return (
    <li className="message" data-testid="message" data-own={own}>
      <div className="message-head">
        <strong>{message.author.name}</strong>{" "}
        <span className="muted small">
          {message.author.role} · {timeAgo(message.createdAt)}
          {message.editedAt && !message.deleted && " · edited"}
        </span>
      </div>
      {message.deleted ? (
        <p className="muted small message-deleted">Message deleted by its author.</p>
      ) : editing ? (
        <div className="message-edit">
          <MentionInput label="Edit message" value={draft} onChange={setDraft} names={names} />
          <button
            type="button"
            disabled={draft.trim() === ""}
            onClick={() => {
              props.onEdit(draft);
              setEditing(false);
            }}
          >
            Save
          </button>
          <button type="button" className="link-button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <p className="message-text">{withMentions(message.text, names)}</p>
      )}
      {own && !message.deleted && !editing && (
        <div className="message-actions">
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setDraft(message.text);
              setEditing(true);
            }}
          >
            Edit
          </button>
          <button type="button" className="link-button" onClick={props.onDelete}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

/** One conversation: its anchor, messages, replies and status. */
export function ThreadCard(props: Props) {
  const { thread, canWrite, meId, names, onError } = props;
  const ctx = useReviewContext();
  const [expanded, setExpanded] = useState(false);
  const [replyText, setReplyText] = useState("");
  const act = (work: () => void) => {
    try {
      work();
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    }
  };
  const first = thread.messages[0];
  return (
    <article
      className={`thread thread-${thread.type} status-${thread.status}${thread.unread ? " is-unread" : ""}`}
      data-testid="thread"
      data-thread-id={thread.id}
    >
      <button
        type="button"
        className="thread-head"
        aria-expanded={expanded}
        onClick={() => {
          setExpanded(true);
          props.onOpen();
        }}
      >
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
      {expanded && (
        <div className="thread-body">
          <ol className="messages">
            {thread.messages.map((m) => (
              <Message
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
            <div className="thread-reply">
              <MentionInput
                label="Reply"
                placeholder="Reply… (@ to mention someone)"
                value={replyText}
                onChange={setReplyText}
                names={names}
              />
              <div className="thread-actions">
                <button
                  type="button"
                  disabled={replyText.trim() === ""}
                  onClick={() =>
                    act(() => {
                      ctx?.binding.reply(thread.id, replyText);
                      setReplyText("");
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
                      ctx?.binding.setStatus(
                        thread.id,
                        thread.status === "open" ? "resolved" : "open",
                      ),
                    )
                  }
                >
                  {thread.status === "open" ? "Resolve" : "Reopen"}
                </button>
              </div>
            </div>
          )}
          <button type="button" className="link-button" onClick={() => setExpanded(false)}>
            Collapse
          </button>
        </div>
      )}
    </article>
  );
}
