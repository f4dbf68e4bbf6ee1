import {
  type MembersAnswer,
  WORKSPACE_ROLE_LABELS,
  WORKSPACE_ROLES,
  type WorkspaceRole,
  type WorkspaceView,
} from "@logic-canvas/shared";
import { useEffect, useState } from "react";
import { ApiError } from "../app/json-api.ts";
import { formatMoment } from "../ui/dates.ts";
import { InviteForm } from "./InviteForm.tsx";
import { workspaceHref } from "./routes.ts";
import { WorkspacePage } from "./WorkspacePage.tsx";
import { changeMemberRole, listMembers, listWorkspaces, removeMember } from "./workspace-api.ts";

/** A workspace's people and roles, its invitations pending and answered, and inviting more. */
const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

export function MembersPage({ workspaceId }: { workspaceId: string }) {
  const [workspaces, setWorkspaces] = useState<WorkspaceView[]>([]);
  const [answer, setAnswer] = useState<MembersAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const workspace = workspaces.find((w) => w.id === workspaceId);

  useEffect(() => {
    void version;
    const fail = (e: unknown) => setError(messageOf(e));
    listWorkspaces().then(setWorkspaces).catch(fail);
    listMembers(workspaceId).then(setAnswer).catch(fail);
  }, [workspaceId, version]);

  const act = (work: Promise<unknown>) => {
    setError(null);
    work.then(() => setVersion((v) => v + 1)).catch((e: unknown) => setError(messageOf(e)));
  };

  return (
    <WorkspacePage workspaces={workspaces} selected={workspaceId} error={error}>
      <header className="ws-header">
        <div>
          <p className="ws-kind">
            <a href={workspaceHref(workspaceId)}>{workspace?.name ?? "Workspace"}</a>
          </p>
          <h1>Members</h1>
        </div>
      </header>
      {answer && (
        <MembersTable
          answer={answer}
          onRole={(accountId, role) => act(changeMemberRole(workspaceId, accountId, role))}
          onRemove={(accountId) => act(removeMember(workspaceId, accountId))}
        />
      )}
      {answer?.canManage && (
        <InviteForm
          workspaceId={workspaceId}
          invitations={answer.invitations}
          onInvited={() => setVersion((v) => v + 1)}
        />
      )}
    </WorkspacePage>
  );
}

/** The people of the workspace; an admin changes roles and removes people here. */
function MembersTable({
  answer,
  onRole,
  onRemove,
}: {
  answer: MembersAnswer;
  onRole: (accountId: string, role: WorkspaceRole) => void;
  onRemove: (accountId: string) => void;
}) {
  return (
    <table className="ws-table" data-testid="members">
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Since</th>
          {answer.canManage && <th scope="col">Remove</th>}
        </tr>
      </thead>
      <tbody>
        {answer.members.map((m) => (
          <tr key={m.accountId}>
            <th scope="row">{m.name}</th>
            <td>{m.email}</td>
            <td>
              {answer.canManage ? (
                <select
                  aria-label={`Role of ${m.name}`}
                  value={m.role}
                  onChange={(e) => onRole(m.accountId, e.target.value as WorkspaceRole)}
                >
                  {WORKSPACE_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {WORKSPACE_ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              ) : (
                WORKSPACE_ROLE_LABELS[m.role]
              )}
            </td>
            <td>{formatMoment(m.since)}</td>
            {answer.canManage && (
              <td>
                <button
                  type="button"
                  aria-label={`Remove ${m.name}`}
                  onClick={() => onRemove(m.accountId)}
                >
                  Remove
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
