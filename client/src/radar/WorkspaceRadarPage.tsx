import {
  overloads,
  type WorkspaceRadarResponse,
  type WorkspaceView,
  workspaceRadarResponseSchema,
} from "@logic-canvas/shared";
import { useEffect, useState } from "react";
import { requestJson } from "../app/json-api.ts";
import { workspaceHref } from "../workspaces/routes.ts";
import { WorkspacePage } from "../workspaces/WorkspacePage.tsx";
import { listWorkspaces } from "../workspaces/workspace-api.ts";
import { OverloadWarnings, RadarBoard } from "./RadarBoard.tsx";

/**
 * A workspace's innovation radar: the activities of all its models (and those below), by stage,
 * with overload flagged per person and per team. It reads; a stage is changed on a model's own
 * radar, which a card opens.
 */
export function WorkspaceRadarPage({ workspaceId }: { workspaceId: string }) {
  const [answer, setAnswer] = useState<WorkspaceRadarResponse | null>(null);
  const [workspaces, setWorkspaces] = useState<WorkspaceView[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    requestJson(`/api/workspaces/${workspaceId}/radar`)
      .then((raw) => setAnswer(workspaceRadarResponseSchema.parse(raw)))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    listWorkspaces().then(setWorkspaces, () => {});
  }, [workspaceId]);
  const workspace = workspaces.find((w) => w.id === workspaceId);
  return (
    <WorkspacePage workspaces={workspaces} selected={workspaceId} error={error}>
      <header className="ws-header">
        <div>
          <p className="ws-kind">
            <a href={workspaceHref(workspaceId)}>{workspace?.name ?? "Workspace"}</a>
          </p>
          <h1>Innovation radar</h1>
        </div>
      </header>
      <p className="muted" id="radar-keys">
        Every activity of this workspace’s models by stage. Open one to move it on its model’s
        radar.
      </p>
      {answer && <OverloadWarnings list={overloads(answer.items)} />}
      {answer && answer.items.length === 0 && (
        <p className="muted">No activities in this workspace’s models yet.</p>
      )}
      {answer && answer.items.length > 0 && (
        <RadarBoard
          items={answer.items}
          onOpen={(item) => window.location.assign(`/m/${item.modelId}`)}
        />
      )}
    </WorkspacePage>
  );
}
