import { useState } from "react";
import { AccountFrame } from "../account/AccountForm.tsx";
import { unsubscribe } from "./inbox-client.ts";

/**
 * Where a digest's unsubscribe link lands (`/unsubscribe#token=…`), no sign-in needed. It asks
 * for a click rather than acting on load, so a mail scanner that opens links unsubscribes
 * nobody; then says in words what happened, or why the link was refused.
 */
export function UnsubscribePage() {
  const token = new URLSearchParams(window.location.hash.replace(/^#/, "")).get("token") ?? "";
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      setOutcome({ ok: true, text: (await unsubscribe(token)).message });
    } catch (e) {
      setOutcome({ ok: false, text: e instanceof Error ? e.message : "That did not work." });
    } finally {
      setBusy(false);
    }
  };
  return (
    <AccountFrame title="Email digests" footer={<a href="/">Logic Canvas home</a>}>
      {outcome ? (
        <p role={outcome.ok ? "status" : "alert"} className={outcome.ok ? "" : "form-error"}>
          {outcome.text}
        </p>
      ) : token === "" ? (
        <p role="alert" className="form-error">
          This page needs the whole link from a digest email; this one carries no token.
        </p>
      ) : (
        <>
          <p className="account-lead">Stop the digest emails of Logic Canvas sent to you?</p>
          <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
            Unsubscribe
          </button>
        </>
      )}
    </AccountFrame>
  );
}
