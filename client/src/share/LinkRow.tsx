import type { ShareLink } from "@logic-canvas/shared";
import { useEffect, useRef, useState } from "react";
import { ROLE_LABEL } from "../editor/roles.ts";
import { formatDay } from "./dates.ts";

/** What a link's row says under its name: when it was made, when it ends, whose it is. */
function linkFacts(link: ShareLink, own: boolean): string {
  const facts = [`Created ${formatDay(link.createdAt)}`];
  if (link.expiresAt)
    facts.push(`${link.expired ? "Expired" : "Expires"} ${formatDay(link.expiresAt)}`);
  else facts.push("No expiry");
  if (own) facts.push("the link you are using");
  return facts.join(" · ");
}

/** Copies `text`; false when the browser refuses (then the person copies the selected text). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** One link: its label (or role), its facts, its URL to copy and, for the owner, Revoke. */
export function LinkRow(props: {
  link: ShareLink;
  own: boolean;
  canRevoke: boolean;
  onRevoke: () => Promise<void>;
}) {
  const { link, own } = props;
  const [copied, setCopied] = useState<"yes" | "select" | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (copied !== "yes") return;
    const timer = setTimeout(() => setCopied(null), 2_500);
    return () => clearTimeout(timer);
  }, [copied]);
  const name = link.label ?? `${ROLE_LABEL[link.role]} link`;

  const copy = async () => {
    if (!link.url) return;
    if (await copyText(link.url)) setCopied("yes");
    else {
      input.current?.select();
      setCopied("select");
    }
  };

  return (
    <li className={`share-link${link.expired ? " is-expired" : ""}`} data-testid="share-link">
      <div className="share-link-head">
        <strong data-testid="share-link-name">{name}</strong>
        <span className="muted small" data-testid="share-link-facts">
          {linkFacts(link, own)}
        </span>
      </div>
      {link.url ? (
        <div className="share-link-copy">
          <input
            ref={input}
            readOnly
            value={link.url}
            aria-label={`${name}: address to share`}
            onFocus={(e) => e.currentTarget.select()}
            data-testid="share-link-url"
          />
          <button type="button" onClick={copy} disabled={link.expired} aria-live="polite">
            {copied === "yes" ? "Copied" : "Copy"}
          </button>
        </div>
      ) : (
        <p className="muted small">
          This link was made before links could be copied again; create another to share.
        </p>
      )}
      {copied === "select" && (
        <p className="small">The browser did not allow copying; press Ctrl+C (⌘C) to copy.</p>
      )}
      {props.canRevoke && <RevokeControl name={name} own={own} onRevoke={props.onRevoke} />}
    </li>
  );
}

/** Revoke, then a second step that says what revoking does before it is done. */
function RevokeControl(props: { name: string; own: boolean; onRevoke: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [revoking, setRevoking] = useState(false);
  if (!confirming)
    return (
      <button type="button" className="danger share-revoke" onClick={() => setConfirming(true)}>
        Revoke
      </button>
    );
  return (
    <fieldset className="share-confirm" aria-label={`Revoke ${props.name}`}>
      <span>
        {props.own
          ? "This is the link you are using: revoking it disconnects you too."
          : "People using this link are disconnected now and cannot open it again."}
      </span>
      <button
        type="button"
        className="danger"
        disabled={revoking}
        onClick={async () => {
          setRevoking(true);
          await props.onRevoke();
          setRevoking(false);
          setConfirming(false);
        }}
      >
        Revoke link
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </fieldset>
  );
}
