import {
  galleryPostPath,
  higherRole,
  MODEL_LOCATIONS,
  type ModelLocation,
  POSTED_MODEL_ROLES,
  type Role,
  toModelFile,
  WORKSPACE_MODEL_ROLES,
  WORKSPACE_ROLES,
  type WorkspaceRole,
} from "@logic-canvas/shared";
import { setUpServer, signUp } from "../../support/accounts.ts";
import { api, type CreatedModel, type TestServer } from "../../support/index.ts";
import {
  call,
  createModelIn,
  createWorkspace,
  join,
  myWorkspaces,
} from "../../support/workspaces.ts";
import { startMatrixServer } from "../authorization/fixtures.ts";

/**
 * The world both workspace matrices run in: district D with schools S1 and S2, team T1 under
 * S1, and another district E. One person per workspace role belongs to S1; one model sits in
 * each place seen from S1 (own S1, above D, below T1, sibling S2, unrelated E), and one more in
 * S2 that its owner posted to D's gallery ("posted-sibling": shared's `POSTED_MODEL_ROLES`).
 */

/** Where a model sits seen from S1: shared's locations, and a sibling's model posted above. */
export type Place = ModelLocation | "posted-sibling";
export const PLACES: readonly Place[] = [...MODEL_LOCATIONS, "posted-sibling"];

/** The role shared's rules give a workspace role on a model at `place`. */
export function ruleRole(role: WorkspaceRole, place: Place): Role | null {
  if (place !== "posted-sibling") return WORKSPACE_MODEL_ROLES[role][place];
  return higherRole(WORKSPACE_MODEL_ROLES[role].sibling, POSTED_MODEL_ROLES[role]);
}

export interface Person {
  cookie: string;
  id: string;
  name: string;
}

/** One cell's asker: a workspace role in S1, and where the model is seen from there. */
export interface Asker {
  role: WorkspaceRole;
  location: Place;
  /** What shared's rule gives: the role the server must enforce, or none. */
  modelRole: Role | null;
}

export const ASKERS: Asker[] = WORKSPACE_ROLES.flatMap((role) =>
  PLACES.map((location) => ({ role, location, modelRole: ruleRole(role, location) })),
);

export interface World {
  server: TestServer;
  people: Record<WorkspaceRole, Person>;
  /** Where each location's models are created, and by whom (an admin of that tree). */
  place: Record<Place, { workspaceId: string; cookie: string }>;
  models: Record<Place, CreatedModel>;
}

async function accountOf(url: string, cookie: string): Promise<Person> {
  const response = await call(url, "/api/accounts/me", { cookie });
  const { account } = (await response.json()) as { account: { id: string; name: string } };
  return { cookie, id: account.id, name: account.name };
}

export async function startWorld(): Promise<World> {
  const server = await startMatrixServer();
  const url = server.url;
  const admin = await setUpServer(url);
  const district = (await myWorkspaces(url, admin)).find((w) => w.parentId === null);
  if (!district) throw new Error("the first run made no district");
  const school = (name: string) =>
    createWorkspace(url, admin, { name, kind: "school", parentId: district.id });
  const s1 = await school("Lincoln Elementary");
  const s2 = await school("Roosevelt Middle");
  const t1 = await createWorkspace(url, admin, { name: "Grade 3", kind: "team", parentId: s1.id });
  const otherAdmin = await signUp(url, "erin@elsewhere.test", "erin-password-1", "Erin");
  const other = await createWorkspace(url, otherAdmin, { name: "Elsewhere", kind: "district" });
  const people = {} as Record<WorkspaceRole, Person>;
  for (const role of WORKSPACE_ROLES) {
    const cookie = await signUp(url, `${role}@district.test`, `${role}-password-1`, `${role} one`);
    await join(url, admin, s1.id, role, cookie);
    people[role] = await accountOf(url, cookie);
  }
  const place: World["place"] = {
    own: { workspaceId: s1.id, cookie: admin },
    above: { workspaceId: district.id, cookie: admin },
    below: { workspaceId: t1.id, cookie: admin },
    sibling: { workspaceId: s2.id, cookie: admin },
    "posted-sibling": { workspaceId: s2.id, cookie: admin },
    unrelated: { workspaceId: other.id, cookie: otherAdmin },
  };
  const world: World = { server, people, place, models: {} as World["models"] };
  for (const location of PLACES) world.models[location] = await modelAt(world, location);
  return world;
}

/** A model at that location, with a saved version "v1" and content changed after it. */
export async function modelAt(world: World, location: Place): Promise<CreatedModel> {
  const { workspaceId, cookie } = world.place[location];
  const model = await createModelIn(world.server.url, cookie, workspaceId, {
    title: `Model ${location}`,
  });
  const owner = model.tokens.owner;
  await api(world.server.url, `/api/models/${model.id}/versions`, {
    method: "POST",
    token: owner,
    body: '{"label":"v1"}',
  });
  const put = await api(world.server.url, `/api/models/${model.id}/content`, {
    method: "PUT",
    token: owner,
    body: JSON.stringify(
      toModelFile({ title: `After v1 (${location})`, masteryGoal: "", nodes: [], edges: [] }),
    ),
  });
  if (put.status !== 200) throw new Error(`setup PUT answered ${put.status}`);
  if (location === "posted-sibling") {
    const posted = await call(world.server.url, galleryPostPath(model.id), {
      method: "POST",
      cookie,
      body: {},
    });
    if (posted.status !== 201) throw new Error(`setup gallery post answered ${posted.status}`);
  }
  return model;
}
