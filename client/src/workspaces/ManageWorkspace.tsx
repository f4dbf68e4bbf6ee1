import {
  parentKindOf,
  WORKSPACE_KIND_LABELS,
  WORKSPACE_KINDS,
  type WorkspaceKind,
  type WorkspaceView,
} from "@logic-canvas/shared";
import { type FormEvent, useState } from "react";
import { ApiError } from "../app/json-api.ts";
import { changeWorkspace, createWorkspace } from "./workspace-api.ts";

const childKindOf = (kind: WorkspaceKind): WorkspaceKind | undefined =>
  WORKSPACE_KINDS.find((k) => parentKindOf(k) === kind);

/** An admin's tools for the selected workspace: add a school or team, rename, move, archive. */
export function ManageWorkspace({
  workspace,
  workspaces,
  onChanged,
}: {
  workspace: WorkspaceView;
  workspaces: WorkspaceView[];
  onChanged: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const child = childKindOf(workspace.kind);
  const parentKind = parentKindOf(workspace.kind);
  const parents = workspaces.filter((w) => w.kind === parentKind && w.canManage);

  async function run(work: () => Promise<unknown>) {
    setError(null);
    try {
      await work();
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }
  const submit = (work: (value: string) => Promise<unknown>) => (event: FormEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = String(new FormData(form).get("value") ?? "");
    void run(async () => {
      await work(value);
      form.reset();
    });
  };

  return (
    <details className="ws-manage">
      <summary>Manage this {WORKSPACE_KIND_LABELS[workspace.kind].toLowerCase()}</summary>
      {child && (
        <form
          onSubmit={submit((name) =>
            createWorkspace({ name, kind: child, parentId: workspace.id }),
          )}
        >
          <label>
            New {WORKSPACE_KIND_LABELS[child].toLowerCase()} <input name="value" required />
          </label>
          <button type="submit">Add {WORKSPACE_KIND_LABELS[child].toLowerCase()}</button>
        </form>
      )}
      <form onSubmit={submit((name) => changeWorkspace(workspace.id, { name }))}>
        <label>
          Name <input name="value" required defaultValue={workspace.name} />
        </label>
        <button type="submit">Rename</button>
      </form>
      {parentKind && parents.length > 1 && (
        <MoveForm workspace={workspace} parents={parents} onSubmit={submit} />
      )}
      <button
        type="button"
        onClick={() =>
          void run(() => changeWorkspace(workspace.id, { archived: !workspace.archived }))
        }
      >
        {workspace.archived ? "Unarchive" : "Archive"}
      </button>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}

/** Moving a school or team under another district or school the admin manages. */
function MoveForm({
  workspace,
  parents,
  onSubmit,
}: {
  workspace: WorkspaceView;
  parents: WorkspaceView[];
  onSubmit: (work: (value: string) => Promise<unknown>) => (event: FormEvent) => void;
}) {
  return (
    <form onSubmit={onSubmit((parentId) => changeWorkspace(workspace.id, { parentId }))}>
      <label>
        Move under{" "}
        <select name="value" defaultValue={workspace.parentId ?? ""}>
          {parents.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Move</button>
    </form>
  );
}
