import {
  WORKSPACE_KIND_LABELS,
  type WorkspaceModel,
  type WorkspaceView,
} from "@logic-canvas/shared";
import { useEffect, useState } from "react";
import { ApiError } from "../app/json-api.ts";
import { CascadeLinks } from "../cascade/CascadeFrame.tsx";
import { ImportReport } from "../exports/ImportReport.tsx";
import { ImportModel } from "../home/ImportModel.tsx";
import { useCreateModel } from "../home/use-create-model.ts";
import { ManageWorkspace } from "./ManageWorkspace.tsx";
import { ModelList } from "./ModelList.tsx";
import { galleryHref, membersHref, radarHref } from "./routes.ts";
import { subtreeIds } from "./tree.ts";
import { WorkspacePage } from "./WorkspacePage.tsx";
import { WorkspacePlanLinks } from "./WorkspacePlanLinks.tsx";
import { createModelIn, listWorkspaces, workspaceModels } from "./workspace-api.ts";

/** The workspace home: the tree on the left, the selected workspace's models on the right. */
export function WorkspaceHome({ workspaceId }: { workspaceId: string | null }) {
  const [workspaces, setWorkspaces] = useState<WorkspaceView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [models, setModels] = useState<WorkspaceModel[] | null>(null);
  const [version, setVersion] = useState(0);
  const selected = workspaces?.find((w) => w.id === workspaceId) ?? workspaces?.[0] ?? null;

  useEffect(() => {
    void version;
    listWorkspaces()
      .then(setWorkspaces)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [version]);
  useEffect(() => {
    if (!selected) return;
    setModels(null);
    workspaceModels(selected.id)
      .then(setModels)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [selected?.id, selected]);

  return (
    <WorkspacePage workspaces={workspaces ?? []} selected={selected?.id ?? null} error={error}>
      {workspaces && !selected && (
        <p>You belong to no workspace yet. Ask an admin for an invitation link.</p>
      )}
      {selected && (
        <>
          <header className="ws-header">
            <div>
              <p className="ws-kind">{WORKSPACE_KIND_LABELS[selected.kind]}</p>
              <h1>{selected.name}</h1>
            </div>
            <div className="ws-header-links">
              <WorkspacePlanLinks workspaceId={selected.id} />
              <CascadeLinks workspaceId={selected.id} />
              <a className="button" href={radarHref(selected.id)}>
                Innovation radar
              </a>
              {selected.kind !== "team" && (
                <a className="button" href={galleryHref(selected.id)}>
                  Gallery walk
                </a>
              )}
              <a className="button" href={membersHref(selected.id)}>
                Members
              </a>
            </div>
          </header>
          {(selected.canManage || selected.myRole === "member") && !selected.archived && (
            <CreateHere workspace={selected} />
          )}
          {selected.canManage && (
            <ManageWorkspace
              workspace={selected}
              workspaces={workspaces ?? []}
              onChanged={() => setVersion((v) => v + 1)}
            />
          )}
          {models === null ? (
            <p className="muted">Loading models…</p>
          ) : (
            <ModelList
              models={models}
              places={(workspaces ?? []).filter(
                (w) => w.id !== selected.id && subtreeIds(workspaces ?? [], selected.id).has(w.id),
              )}
            />
          )}
        </>
      )}
    </WorkspacePage>
  );
}

/** Create a model in this workspace: blank, from the template, or imported (as on the home page). */
function CreateHere({ workspace }: { workspace: WorkspaceView }) {
  const { busy, error, report, setReport, create } = useCreateModel((body) =>
    createModelIn(workspace.id, body),
  );
  return (
    <section className="ws-create" aria-label={`Create a model in ${workspace.name}`}>
      <div className="start-cards">
        <button type="button" className="start-card" disabled={busy} onClick={() => create()}>
          <span className="start-title">Blank model</span>
          <span className="start-sub">An empty canvas with the five lanes.</span>
        </button>
        <button
          type="button"
          className="start-card"
          disabled={busy}
          onClick={() => create({ template: "coaching" })}
        >
          <span className="start-title">From the coaching template</span>
          <span className="start-sub">Inputs, activities and goals already linked.</span>
        </button>
        <ImportModel disabled={busy} onCreate={create} onProblems={setReport} />
      </div>
      {report && (
        <ImportReport
          fileName={report.fileName}
          problems={report.problems}
          nothing="Nothing was created."
          onClose={() => setReport(null)}
        />
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
