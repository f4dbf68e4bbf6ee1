import { lazy, useState } from "react";
import { LoadedPart } from "../ui/LoadedPart.tsx";
import { useInbox } from "./use-inbox.ts";

// The list of notifications loads when the inbox is first opened, not before the first cards.
const InboxDialog = lazy(() =>
  import("./InboxDialog.tsx").then((m) => ({ default: m.InboxDialog })),
);

/**
 * The header's inbox: a button with the unread count as a badge, live, opening the inbox. A
 * browser that is nobody yet (no account, no name given) has no inbox, so no button.
 */
export function InboxButton(props: { displayName: string }) {
  const state = useInbox(props.displayName);
  const [open, setOpen] = useState(false);
  if (!state.inbox) return null;
  const unread = state.inbox.unread;
  const label = unread === 0 ? "Inbox, nothing unread" : `Inbox, ${unread} unread`;
  return (
    <>
      <button
        type="button"
        className="inbox-button"
        aria-label={label}
        title={label}
        onClick={() => setOpen(true)}
        data-testid="inbox-button"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
          <path
            d="M12 3a6 6 0 0 0-6 6v3.6L4.3 16a1 1 0 0 0 .9 1.4h13.6a1 1 0 0 0 .9-1.4L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 16a2.5 2.5 0 0 0 5 0Z"
            fill="currentColor"
          />
        </svg>
        <span className="inbox-button-label">Inbox</span>
        {unread > 0 && (
          <span className="inbox-badge" data-testid="inbox-badge">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <LoadedPart fallback={null}>
          <InboxDialog state={state} onClose={() => setOpen(false)} />
        </LoadedPart>
      )}
    </>
  );
}
