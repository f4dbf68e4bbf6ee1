import {
  type InvitationPreview,
  WORKSPACE_KIND_LABELS,
  WORKSPACE_ROLE_LABELS,
} from "@logic-canvas/shared";
import { useEffect, useState } from "react";
import { ApiError } from "../app/json-api.ts";
import { workspaceHref } from "./routes.ts";
import { answerInvitation, previewInvitation } from "./workspace-api.ts";

/** The accept page an invitation link opens: what it is for, then accept or decline. */
export function InvitePage({ token }: { token: string }) {
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [needsSignIn, setNeedsSignIn] = useState(false);

  useEffect(() => {
    previewInvitation(token)
      .then(setPreview)
      .catch((e: unknown) => setMessage(e instanceof ApiError ? e.message : String(e)));
  }, [token]);

  async function answer(choice: "accept" | "decline") {
    try {
      const done = await answerInvitation(token, choice);
      if (choice === "accept" && done.workspaceId)
        window.location.assign(workspaceHref(done.workspaceId));
      else setMessage("You declined the invitation.");
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setNeedsSignIn(true);
      setMessage(e instanceof ApiError ? e.message : String(e));
    }
  }

  const back = encodeURIComponent(`/invite#token=${token}`);
  return (
    <div className="home">
      <main className="home-main ws-invite-page">
        <h1>Invitation</h1>
        {preview && (
          <p>
            You are invited to the {WORKSPACE_KIND_LABELS[preview.workspaceKind].toLowerCase()}{" "}
            <strong>{preview.workspaceName}</strong> as{" "}
            <strong>{WORKSPACE_ROLE_LABELS[preview.role].toLowerCase()}</strong>.
          </p>
        )}
        {preview && preview.status !== "pending" && (
          <p>This invitation was already {preview.status}.</p>
        )}
        {preview?.expired && <p>This invitation has expired; ask for a new one.</p>}
        {preview?.status === "pending" && !preview.expired && (
          <div className="ws-actions">
            <button type="button" className="primary" onClick={() => void answer("accept")}>
              Accept
            </button>
            <button type="button" onClick={() => void answer("decline")}>
              Decline
            </button>
          </div>
        )}
        {message && <p role="alert">{message}</p>}
        {needsSignIn && (
          <p>
            <a href={`/account/sign-in?next=${back}`}>Sign in</a> or{" "}
            <a href={`/account/sign-up?next=${back}`}>create an account</a>, then come back to this
            link.
          </p>
        )}
      </main>
    </div>
  );
}
