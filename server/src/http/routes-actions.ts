import {
  ancestorsOf,
  bySoonestDue,
  type ModelPeopleResponse,
  type MyAction,
  type MyActionsResponse,
  type PersonRef,
  type WorkspaceRadarResponse,
} from "@logic-canvas/shared";
import { personOfAccount } from "../access/identity.ts";
import { ModelUnavailableError } from "../models/models.ts";
import { WorkspaceViewer } from "../workspaces/viewer.ts";
import type { ApiDeps, RouteKit } from "./api.ts";
import type { GraphSummary } from "./graph-cache.ts";
import { modelIdOf } from "./routes.ts";
import { signedIn, workspaceCall } from "./workspace-kit.ts";

/**
 * Action plans and the radar across models (issue 17): `GET /api/my-actions`, a signed-in
 * person's actions in every model their workspace roles let them open, soonest due first; and
 * `GET /api/workspaces/:wid/radar`, the activities of every model at and under a workspace that
 * the caller may open. Both read the cached graph summaries, so a page of many models costs one
 * read per changed model. `GET /api/models/:id/people`: whom an editor may name as an owner.
 */
export function actionRoutes(kit: RouteKit): void {
  const { app, deps, requireRole } = kit;

  // The workspace's people an editor may give an activity to (its members and those above it,
  // who have roles on the model), named as the revision log and comments name them.
  app.get("/api/models/:id/people", { onRequest: requireRole("editor") }, async (request) => {
    const record = await deps.store.getModel(modelIdOf(request.params));
    const people = new Map<string, PersonRef>();
    if (record?.workspaceId) {
      const tree = new Map((await deps.store.workspaces.listWorkspaces()).map((w) => [w.id, w]));
      for (const workspaceId of ancestorsOf(tree, record.workspaceId)) {
        for (const m of await deps.store.workspaces.listMembers(workspaceId)) {
          if (m.role === "guest") continue;
          const person = personOfAccount({ id: m.accountId, name: m.name, email: m.email });
          people.set(person.id, person);
        }
      }
    }
    return { people: [...people.values()] } satisfies ModelPeopleResponse;
  });

  app.get("/api/my-actions", async (request): Promise<MyActionsResponse> => {
    const account = await signedIn(deps, request);
    const viewer = await WorkspaceViewer.load(deps.store, account);
    const person = personOfAccount(account);
    const models = await openableModels(
      deps,
      viewer,
      viewer.visible().map((w) => w.id),
    );
    const actions: MyAction[] = [];
    const unreadable: string[] = [];
    for (const { record, summary } of models) {
      if (!summary) {
        unreadable.push(record.title);
        continue;
      }
      for (const a of summary.activities) {
        if (a.plan?.owner?.id !== person.id) continue;
        const action: MyAction = {
          modelId: record.id,
          modelTitle: summary.title,
          nodeId: a.nodeId,
          title: a.title,
          plan: a.plan,
        };
        if (a.stage) action.stage = a.stage;
        actions.push(action);
      }
    }
    return { person, actions: actions.sort(bySoonestDue), unreadable };
  });

  app.get("/api/workspaces/:wid/radar", async (request): Promise<WorkspaceRadarResponse> => {
    const { viewer, workspace } = await workspaceCall(deps, request, "see");
    const models = await openableModels(deps, viewer, viewer.subtree(workspace.id));
    const items: WorkspaceRadarResponse["items"] = [];
    const unreadable: string[] = [];
    for (const { record, summary, home } of models) {
      if (!summary) {
        unreadable.push(record.title);
        continue;
      }
      // A team's models count together for the overload rule: a team is one group of people.
      const team = home.kind === "team" ? { id: home.id, name: home.name } : undefined;
      for (const a of summary.activities) {
        items.push({
          modelId: record.id,
          modelTitle: summary.title,
          nodeId: a.nodeId,
          title: a.title,
          ...(a.stage && { stage: a.stage }),
          ...(a.plan?.owner && { owner: a.plan.owner }),
          ...(team && { team }),
        });
      }
    }
    return { items, unreadable };
  });
}

/** The models in these workspaces that the viewer's roles let them open, with their summaries. */
async function openableModels(deps: ApiDeps, viewer: WorkspaceViewer, workspaceIds: string[]) {
  const records = await deps.store.workspaces.listModelsIn(workspaceIds);
  const out = [];
  for (const record of records) {
    const home = viewer.tree.get(record.workspaceId ?? "");
    if (!home || !viewer.modelRole(home.id)) continue;
    const summary: GraphSummary | undefined = await deps.graphs
      .read(record.id)
      .catch((error: unknown) => {
        if (error instanceof ModelUnavailableError) return undefined;
        throw error;
      });
    out.push({ record, summary, home });
  }
  return out;
}
