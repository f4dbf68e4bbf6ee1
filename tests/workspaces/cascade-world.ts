import {
  CASCADE_EVENT,
  type CascadeEvent,
  type LogicNode,
  toModelFile,
} from "@logic-canvas/shared";
import { afterAll, beforeAll } from "vitest";
import { setUpServer, signUp } from "../support/accounts.ts";
import { type CreatedModel, startTestServer, type TestServer } from "../support/index.ts";
import { call, createModelIn, createWorkspace, join, myWorkspaces } from "../support/workspaces.ts";

/**
 * A small district for the cascade's tests: district D (model DM, goal D1), school Lincoln (model
 * SM, goal S1 aligned to D1), its teams Grade 1 and Grade 3 (models G1 and G3, a goal each
 * aligned to S1), and a second school Roosevelt with a team (model RM, goal R1). The district
 * admin sees everything; Tess is a member of Grade 3; Otto a member of Roosevelt's team.
 */

export interface CascadeWorld {
  url: string;
  admin: string;
  tess: string;
  otto: string;
  ws: {
    district: string;
    lincoln: string;
    grade1: string;
    grade3: string;
    roosevelt: string;
    rteam: string;
  };
  models: {
    DM: CreatedModel;
    SM: CreatedModel;
    G1: CreatedModel;
    G3: CreatedModel;
    RM: CreatedModel;
  };
}

export function goal(
  id: string,
  title: string,
  smart: { unit: string; baseline: number; target: number; cohortSize?: number },
  alignsTo?: { modelId: string; cardId: string }[],
): LogicNode {
  return {
    id,
    kind: "longTerm",
    title,
    position: { x: 1200, y: 40 },
    smart: {
      indicator: "students proficient in reading",
      unit: smart.unit,
      baseline: { value: smart.baseline, date: "2026-09-01" },
      target: { value: smart.target, date: "2027-06-01" },
      ...(smart.cohortSize ? { cohortSize: smart.cohortSize } : {}),
    },
    ...(alignsTo ? { alignsTo } : {}),
  };
}

/** Replaces a model's content as its signed-in admin (alignments need a person who may see). */
export async function putNodes(
  url: string,
  model: CreatedModel,
  title: string,
  nodes: LogicNode[],
  cookie = adminCookie,
) {
  const response = await call(url, `/api/models/${model.id}/content`, {
    method: "PUT",
    cookie,
    token: model.tokens.owner,
    body: toModelFile({ title, masteryGoal: "", nodes, edges: [] }),
  });
  if (response.status !== 200)
    throw new Error(`PUT content answered ${response.status}: ${await response.text()}`);
}

let adminCookie = "";

export async function buildCascadeWorld(server: TestServer): Promise<CascadeWorld> {
  const url = server.url;
  const admin = await setUpServer(url);
  adminCookie = admin;
  const district = (await myWorkspaces(url, admin)).find((w) => w.parentId === null);
  if (!district) throw new Error("the first run made no district");
  const make = (name: string, kind: "school" | "team", parentId: string) =>
    createWorkspace(url, admin, { name, kind, parentId });
  const lincoln = await make("Lincoln Elementary", "school", district.id);
  const grade1 = await make("Grade 1 team", "team", lincoln.id);
  const grade3 = await make("Grade 3 team", "team", lincoln.id);
  const roosevelt = await make("Roosevelt Middle", "school", district.id);
  const rteam = await make("Roosevelt Grade 6", "team", roosevelt.id);
  const tess = await signUp(url, "tess@district.test", "tess-password-1", "Tess Teacher");
  const otto = await signUp(url, "otto@district.test", "otto-password-1", "Otto Other");
  await join(url, admin, grade3.id, "member", tess);
  await join(url, admin, rteam.id, "member", otto);
  const model = (ws: string, title: string) => createModelIn(url, admin, ws, { title });
  const DM = await model(district.id, "District plan");
  const SM = await model(lincoln.id, "Lincoln plan");
  const G1 = await model(grade1.id, "Grade 1 plan");
  const G3 = await model(grade3.id, "Grade 3 plan");
  const RM = await model(roosevelt.id, "Roosevelt plan");
  await putNodes(url, DM, "District plan", [
    goal("D1", "District reading proficiency", {
      unit: "percent",
      baseline: 70,
      target: 80,
      cohortSize: 1000,
    }),
  ]);
  await putNodes(url, SM, "Lincoln plan", [
    goal(
      "S1",
      "Lincoln reading proficiency",
      { unit: "percent", baseline: 75, target: 100, cohortSize: 240 },
      [{ modelId: DM.id, cardId: "D1" }],
    ),
  ]);
  await putNodes(url, G1, "Grade 1 plan", [
    goal("T1", "Grade 1 reads", { unit: "percent", baseline: 68, target: 80, cohortSize: 80 }, [
      { modelId: SM.id, cardId: "S1" },
    ]),
  ]);
  // Seed 000's trap: a grade at 84 % that sets a lower target still "meets" an 80 % bar.
  await putNodes(url, G3, "Grade 3 plan", [
    goal("T3", "Grade 3 reads", { unit: "percent", baseline: 84, target: 82, cohortSize: 80 }, [
      { modelId: SM.id, cardId: "S1" },
    ]),
  ]);
  await putNodes(url, RM, "Roosevelt plan", [
    goal("R1", "Roosevelt math", { unit: "percent", baseline: 50, target: 60, cohortSize: 300 }),
  ]);
  return {
    url,
    admin,
    tess,
    otto,
    ws: {
      district: district.id,
      lincoln: lincoln.id,
      grade1: grade1.id,
      grade3: grade3.id,
      roosevelt: roosevelt.id,
      rteam: rteam.id,
    },
    models: { DM, SM, G1, G3, RM },
  };
}

export async function getJson<T>(url: string, path: string, cookie: string): Promise<T> {
  const response = await call(url, path, { cookie });
  if (response.status !== 200)
    throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Reads server-sent events from a response body until `abort`. */
export function events(response: Response) {
  const received: CascadeEvent[] = [];
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    while (reader) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split("\n");
        const name = lines.find((l) => l.startsWith("event: "))?.slice(7);
        const data = lines.find((l) => l.startsWith("data: "))?.slice(6);
        if (name === CASCADE_EVENT && data) received.push(JSON.parse(data) as CascadeEvent);
        end = buffer.indexOf("\n\n");
      }
    }
  })();
  return received;
}

/** Opens a cascade event stream as a signed-in page does; `received` fills as events come. */
export async function openStream(url: string, path: string, cookie: string) {
  const abort = new AbortController();
  const response = await fetch(`${url}${path}`, {
    headers: { Cookie: cookie, Origin: url },
    signal: abort.signal,
  });
  if (response.status !== 200)
    throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return { received: events(response), close: () => abort.abort() };
}

/**
 * A test server with the district built on it for the whole file (started before its tests,
 * stopped after them), read as the world itself: its fields are there once the tests run.
 */
export function useCascadeWorld(): CascadeWorld {
  let server: TestServer | undefined;
  let world: CascadeWorld | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    world = await buildCascadeWorld(server);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });
  return new Proxy({} as CascadeWorld, {
    get(_target, key) {
      if (!world) throw new Error("the cascade world is built before the file's tests run");
      return Reflect.get(world, key);
    },
  });
}
