import {
  ACTION_STATUS_LABELS,
  dueState,
  type MyActionsResponse,
  myActionsResponseSchema,
  todayIso,
  type WorkspaceView,
} from "@logic-canvas/shared";
import { useEffect, useState } from "react";
import { ApiError, requestJson } from "../app/json-api.ts";
import { WorkspacePage } from "../workspaces/WorkspacePage.tsx";
import { listWorkspaces } from "../workspaces/workspace-api.ts";
import { dueWords } from "./CardPlanMark.tsx";
import "./plans.css";

/**
 * "My actions" (issue 17): the signed-in person's activities in every model their workspace
 * roles let them open, soonest due first (`GET /api/my-actions`). Reached from the account menu.
 */
export function MyActionsPage() {
  const [answer, setAnswer] = useState<MyActionsResponse | null>(null);
  const [workspaces, setWorkspaces] = useState<WorkspaceView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  useEffect(() => {
    requestJson("/api/my-actions")
      .then((raw) => setAnswer(myActionsResponseSchema.parse(raw)))
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) setSignedOut(true);
        else setError(e instanceof Error ? e.message : String(e));
      });
    listWorkspaces().then(setWorkspaces, () => {});
  }, []);
  const today = todayIso();
  return (
    <WorkspacePage workspaces={workspaces} selected={null} error={error}>
      <header className="ws-header">
        <div>
          <p className="ws-kind">{answer ? answer.person.name : "Action plans"}</p>
          <h1>My actions</h1>
        </div>
      </header>
      {signedOut && (
        <p>
          <a href="/account/sign-in">Sign in</a> to see the actions you own in your workspaces’
          models.
        </p>
      )}
      {answer && answer.actions.length === 0 && (
        <p className="muted">
          Nothing is given to you yet. An editor names an activity’s owner in the card’s action
          plan.
        </p>
      )}
      {answer && answer.actions.length > 0 && (
        <table className="ws-table my-actions" data-testid="my-actions">
          <caption className="visually-hidden">My actions, soonest due first</caption>
          <thead>
            <tr>
              <th scope="col">Due</th>
              <th scope="col">Action</th>
              <th scope="col">Model</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {answer.actions.map((a) => {
              const state = dueState(a.plan, today);
              return (
                <tr key={`${a.modelId}:${a.nodeId}`} data-due={state}>
                  <td>
                    {a.plan.due ? (
                      <span className={`badge plan-due plan-due-${state}`}>
                        {dueWords(a.plan, today)}
                      </span>
                    ) : (
                      <span className="muted">no due date</span>
                    )}
                  </td>
                  <td>{a.title}</td>
                  <td>
                    <a href={`/m/${a.modelId}`}>{a.modelTitle}</a>
                  </td>
                  <td>
                    {ACTION_STATUS_LABELS[a.plan.status ?? "notStarted"]}
                    {a.plan.status === "blocked" && `: ${a.plan.blockedReason}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {answer && answer.unreadable.length > 0 && (
        <p className="muted">Could not be read just now: {answer.unreadable.join(", ")}.</p>
      )}
    </WorkspacePage>
  );
}
