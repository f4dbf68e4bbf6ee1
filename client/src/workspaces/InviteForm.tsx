import {
  type InvitationView,
  WORKSPACE_ROLE_LABELS,
  WORKSPACE_ROLES,
  type WorkspaceRole,
} from "@logic-canvas/shared";
import { type FormEvent, useState } from "react";
import { ApiError } from "../app/json-api.ts";
import { formatMoment } from "../ui/dates.ts";
import { invite } from "./workspace-api.ts";

/** Invite by link (copied) or by email (sent when the server has SMTP), with the role. */
export function InviteForm({
  workspaceId,
  invitations,
  onInvited,
}: {
  workspaceId: string;
  invitations: InvitationView[];
  onInvited: () => void;
}) {
  const [made, setMade] = useState<InvitationView | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    setError(null);
    try {
      const role = String(data.get("role")) as WorkspaceRole;
      setMade(await invite(workspaceId, email ? { role, email } : { role }));
      onInvited();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  return (
    <section className="ws-invite" aria-labelledby="ws-invite-title">
      <h2 id="ws-invite-title">Invite people</h2>
      <form onSubmit={submit}>
        <label>
          Role{" "}
          <select name="role" defaultValue="member">
            {WORKSPACE_ROLES.map((r) => (
              <option key={r} value={r}>
                {WORKSPACE_ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Email (optional) <input name="email" type="email" placeholder="name@school.org" />
        </label>
        <button type="submit">Create invitation</button>
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {made?.url && (
        <p role="status">
          {made.emailed ? "Sent by email. " : "Copy this link and send it: "}
          <input readOnly aria-label="Invitation link" value={made.url} className="ws-link" />
        </p>
      )}
      <InvitationList invitations={invitations} />
    </section>
  );
}

/** Every invitation of the workspace, pending and answered. */
function InvitationList({ invitations }: { invitations: InvitationView[] }) {
  return (
    <>
      <h3>Invitations</h3>
      {invitations.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="ws-invitations" data-testid="invitations">
          {invitations.map((i) => (
            <li key={i.id}>
              <strong>{i.email ?? "By link"}</strong> · {WORKSPACE_ROLE_LABELS[i.role]} ·{" "}
              <span className={`ws-status-${i.status}`}>{i.status}</span> · made{" "}
              {formatMoment(i.createdAt)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
