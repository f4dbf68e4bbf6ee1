import { type Role, roleAtLeast } from "@logic-canvas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedModel } from "../../support/index.ts";
import { call } from "../../support/workspaces.ts";
import { storedState } from "../authorization/fixtures.ts";
import { ROUTES } from "../authorization/permissions.ts";
import { ASKERS, type Asker, modelAt, startWorld, type World } from "./world.ts";

/**
 * Every model route (its own method) × every workspace role × every place of the model seen
 * from the asker's workspace, generated from shared's WORKSPACE_MODEL_ROLES (and POSTED_MODEL_ROLES
 * for a sibling's model posted to the gallery above): a signed-in person
 * with no link gets exactly the role the rule gives. Refusals leave the model as it was; an
 * allowed write changes it, an allowed read does not.
 */

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.server.stop();
});

const MODEL_ROUTES = ROUTES.filter((r) => r.minimum !== "public");
const MUTATING = new Set([
  "delete-model",
  "replace-content",
  "create-link",
  "revoke-link",
  "save-version",
  "restore-version",
]);
const BODIES: Record<string, unknown> = {
  "replace-content": {
    format: "logic-model",
    version: 1,
    title: "Replaced",
    masteryGoal: "",
    nodes: [],
    edges: [],
  },
  "create-link": { role: "viewer" },
  "save-version": { label: "v2" },
};

type Expected = { status: number; code?: string; allowed: boolean };

/** What the rule says this asker gets from this route. */
function expectation(route: (typeof ROUTES)[number], role: Role | null): Expected {
  if (role === null || !roleAtLeast(role, route.minimum as Role))
    return { status: 403, code: "forbidden", allowed: false };
  return { status: route.ok, allowed: true };
}

async function fingerprint(id: string) {
  const { store } = world.server;
  return {
    exists: (await store.getModel(id)) !== undefined,
    graph: await storedState(world.server, id),
    links: (await store.listLinks(id)).map((l) => `${l.id}:${l.revokedAt}`),
    versions: (await store.listVersions(id)).length,
  };
}

async function pathFor(template: string, model: CreatedModel): Promise<string> {
  const { store } = world.server;
  const viewerLink = (await store.listLinks(model.id)).find((l) => l.role === "viewer");
  const version = (await store.listVersions(model.id))[0];
  return template
    .replace(":id", model.id)
    .replace(":linkId", viewerLink?.id ?? "")
    .replace(":vid", version?.id ?? "");
}

const cells = MODEL_ROUTES.flatMap((route) =>
  ASKERS.map((asker: Asker) => ({
    route,
    asker,
    expected: expectation(route, asker.modelRole),
  })),
);

describe(`workspace-role HTTP matrix (${cells.length} cells)`, () => {
  it.each(cells)(
    "$route.method $route.path by a $asker.role, model $asker.location → $expected.status",
    async ({ route, asker, expected }) => {
      const fresh = expected.allowed && MUTATING.has(route.name);
      const model = fresh ? await modelAt(world, asker.location) : world.models[asker.location];
      const path = await pathFor(route.path, model);
      const before = await fingerprint(model.id);
      const response = await call(world.server.url, path, {
        method: route.method,
        cookie: world.people[asker.role].cookie,
        body:
          route.method === "POST" || route.method === "PUT"
            ? (BODIES[route.name] ?? {})
            : undefined,
      });
      expect(response.status).toBe(expected.status);
      const after = await fingerprint(model.id);
      if (!expected.allowed) {
        const { error } = (await response.json()) as { error: { code: string; message: string } };
        expect(error.code).toBe(expected.code);
        expect(error.message).toMatch(/role/);
        expect(after).toEqual(before);
        return;
      }
      if (MUTATING.has(route.name)) expect(after).not.toEqual(before);
      else expect(after).toEqual(before);
      if (route.name === "read-model")
        expect(await response.json()).toMatchObject({ id: model.id, role: asker.modelRole });
    },
  );
});
