import { type CommentMessage, mentionsIn } from "@logic-canvas/shared";
import { type ReactNode, useState } from "react";
import { timeAgo } from "../ui/time-ago.ts";
import { MentionInput } from "./MentionInput.tsx";

/** The text with each "@name" of a participant marked. */
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

/** One message of a thread; its author may edit or delete it. */
export function ThreadMessage(props: {
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
