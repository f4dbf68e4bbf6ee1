import type { Notification } from "@logic-canvas/shared";
import { Modal } from "../ui/Modal.tsx";
import { timeAgo } from "../ui/time-ago.ts";
import { DigestSetting } from "./DigestSetting.tsx";
import { hrefOf } from "./inbox-client.ts";
import type { InboxState } from "./use-inbox.ts";

const KIND_LABEL: Record<Notification["kind"], string> = {
  mention: "Mention",
  reply: "Reply",
  offTrack: "Off track",
  checkIn: "Check-in",
  vote: "Vote",
};

/** The inbox: newest first, unread ones marked, each leading to its model; and the digest. */
export function InboxDialog(props: { state: InboxState; onClose: () => void }) {
  const { inbox, error } = props.state;
  const items = inbox?.items ?? [];
  const unread = inbox?.unread ?? 0;
  return (
    <Modal title="Inbox" onClose={props.onClose} testId="inbox-dialog">
      <div className="inbox-head">
        <p className="inbox-summary" aria-live="polite">
          {unread === 0 ? "Nothing unread." : `${unread} unread.`}
        </p>
        <button
          type="button"
          className="secondary"
          disabled={unread === 0}
          onClick={() => void props.state.markAllRead()}
        >
          Mark all read
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p className="inbox-empty">
          When someone mentions you or answers your conversation, it shows here.
        </p>
      ) : (
        <ul className="inbox-list" data-testid="inbox-list">
          {items.map((item) => (
            <InboxItem key={item.id} item={item} onRead={() => props.state.markRead(item.id)} />
          ))}
        </ul>
      )}
      <DigestSetting signedIn={props.state.signedIn} />
    </Modal>
  );
}

function InboxItem(props: { item: Notification; onRead: () => Promise<void> }) {
  const { item } = props;
  return (
    <li className={item.read ? "inbox-item" : "inbox-item unread"} data-testid="inbox-item">
      <div className="inbox-item-top">
        <span className={`inbox-kind inbox-kind-${item.kind}`}>{KIND_LABEL[item.kind]}</span>
        {!item.read && <span className="visually-hidden">Unread.</span>}
        <time dateTime={item.at}>{timeAgo(item.at)}</time>
      </div>
      <p className="inbox-text">{item.text}</p>
      <div className="inbox-actions">
        <a href={hrefOf(item)} onClick={() => void (item.read ? undefined : props.onRead())}>
          Open “{item.target.modelTitle}”
        </a>
        {!item.read && (
          <button type="button" className="link-button" onClick={() => void props.onRead()}>
            Mark read
          </button>
        )}
      </div>
    </li>
  );
}
