import { toModelFile, visibleLinkRoles } from "@logic-canvas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  api,
  type CreatedModel,
  createModel,
  docName,
  type Fixture,
  makeFixture,
  startMatrixServer,
  storedState,
  type TestServer,
} from "./fixtures.ts";
import {
  CREDENTIALS,
  httpExpectation,
  METHODS,
  type Method,
  PATHS,
  type RouteName,
} from "./permissions.ts";

/**
 * Every HTTP route path × every method (the right ones and the wrong ones) × every credential,
 * generated from permissions.ts. An allowed request shows its effect; a refused one answers the
 * expected status and error code and leaves the model exactly as it was (both stored documents,
 * its links, its versions, its existence).
 */

interface HttpFixture extends Fixture {
  versionId: string;
  viewerLinkId: string;
  v1Title: string;
}

let server: TestServer;
let other: CreatedModel;
let shared: HttpFixture;

const replacement = (title: string) =>
  JSON.stringify(toModelFile({ title, masteryGoal: "", nodes: [], edges: [] }));

async function httpFixture(): Promise<HttpFixture> {
  const fx = await makeFixture(server.url, other);
  const owner = fx.bearer.owner as string;
  const id = fx.model.id;
  const saved = await api(server.url, `/api/models/${id}/versions`, {
    method: "POST",
    token: owner,
    body: '{"label":"v1"}',
  });
  const versionId = ((await saved.json()) as { id: string }).id;
  // Changed after v1, so that restoring v1 has a visible effect.
  const put = await api(server.url, `/api/models/${id}/content`, {
    method: "PUT",
    token: owner,
    body: replacement("After v1"),
  });
  if (put.status !== 200) throw new Error(`setup PUT failed: ${put.status}`);
  const links = await server.store.listLinks(id);
  const viewerLinkId = links.find((l) => l.role === "viewer")?.id ?? "";
  return { ...fx, versionId, viewerLinkId, v1Title: fx.model.title };
}

/** Everything a refused request must leave as it was, read from the store. */
async function fingerprint(id: string) {
  return {
    exists: (await server.store.getModel(id)) !== undefined,
    graph: await storedState(server, docName(id, "graph")),
    review: await storedState(server, docName(id, "review")),
    links: (await server.store.listLinks(id)).map((l) => `${l.id}:${l.role}:${l.revokedAt}`),
    versions: (await server.store.listVersions(id)).map((v) => v.id),
  };
}

beforeAll(async () => {
  server = await startMatrixServer();
  other = await createModel(server.url);
  shared = await httpFixture();
});
afterAll(async () => {
  await server?.stop();
});

const MUTATING: ReadonlySet<RouteName> = new Set([
  "delete-model",
  "replace-content",
  "create-link",
  "revoke-link",
  "save-version",
  "restore-version",
]);

const BODIES: Record<string, () => string> = {
  "/api/models": () => '{"title":"Created in the matrix"}',
  "/api/models/:id/content": () => replacement("Replaced"),
  "/api/models/:id/links": () => '{"role":"viewer"}',
  "/api/models/:id/versions": () => '{"label":"v2"}',
};

/** What one cell saw: the route's answer and the model's fingerprint before and after it. */
interface Seen {
  route: RouteName;
  id: string;
  fx: HttpFixture;
  before: Awaited<ReturnType<typeof fingerprint>>;
  after: Awaited<ReturnType<typeof fingerprint>>;
  credential: string;
  json: () => Promise<Record<string, unknown>>;
}

/**
 * Checks that an allowed call did what its route promises, and that a call which should read
 * only left the model as it was. The checks are grouped by resource (the model, its share
 * links, its versions) so each group reads on one screen; a route belongs to exactly one.
 */
async function expectEffect(
  route: RouteName,
  response: Response,
  fx: HttpFixture,
  before: Awaited<ReturnType<typeof fingerprint>>,
  credential: string,
) {
  const id = fx.model.id;
  const after = await fingerprint(id);
  const json = async () => (await response.json()) as Record<string, unknown>;
  const seen: Seen = { route, id, fx, before, after, credential, json };
  await expectModelEffect(seen);
  await expectLinkEffect(seen);
  await expectVersionEffect(seen);
  if (!MUTATING.has(route) && route !== "create-model") expect(after).toEqual(before);
}

/** Health, and the model itself: create, read, delete, duplicate, export, validate, replace, activity. */
async function expectModelEffect({ route, id, fx, before, after, credential, json }: Seen) {
  switch (route) {
    case "health":
      expect(await json()).toMatchObject({ status: "ok" });
      break;
    case "create-model": {
      const created = (await json()) as { id: string; links: Record<string, string> };
      expect(Object.keys(created.links).sort()).toEqual(["commenter", "editor", "owner", "viewer"]);
      expect(await server.store.getModel(created.id)).toBeDefined();
      break;
    }
    case "read-model":
      expect(await json()).toMatchObject({ id, role: credential });
      break;
    case "delete-model":
      expect(after.exists).toBe(false);
      expect((await api(server.url, `/api/models/${id}`, { token: fx.bearer.owner })).status).toBe(
        404,
      );
      break;
    case "duplicate-model": {
      // A new model owned by the caller; the original is left as it was (checked below).
      const copy = (await json()) as { id: string; title: string; links: Record<string, string> };
      expect(copy.id).not.toBe(id);
      expect(copy.title).toBe("After v1 (copy)");
      expect(Object.keys(copy.links).sort()).toEqual(["commenter", "editor", "owner", "viewer"]);
      break;
    }
    case "export":
      expect(await json()).toMatchObject({ title: "After v1" });
      break;
    case "validation":
      expect(await json()).toMatchObject({ errors: [], warnings: expect.any(Array) });
      break;
    case "replace-content":
      expect(after.graph).not.toBe(before.graph);
      expect(await json()).toMatchObject({ title: "Replaced" });
      break;
    case "activity":
      expect(Array.isArray((await json()).entries)).toBe(true);
      break;
  }
}

/** Listing, creating and revoking share links. */
async function expectLinkEffect({ route, fx, before, after, credential, json }: Seen) {
  switch (route) {
    case "list-links": {
      // Owners see every link, editors the viewer and commenter ones only.
      const visible: readonly string[] = visibleLinkRoles(credential);
      const listed = (await json()).links as { role: string }[];
      expect(listed.map((l) => l.role).sort()).toEqual(
        before.links
          .map((l) => l.split(":")[1] ?? "")
          .filter((r) => visible.includes(r))
          .sort(),
      );
      break;
    }
    case "create-link":
      expect(after.links.length).toBe(before.links.length + 1);
      break;
    case "revoke-link":
      expect(await json()).toMatchObject({ id: fx.viewerLinkId, revoked: true });
      expect(after.links.find((l) => l.startsWith(`${fx.viewerLinkId}:`))).not.toMatch(/:null$/);
      break;
  }
}

/** Listing, saving, reading, comparing and restoring versions. */
async function expectVersionEffect({ route, id, fx, before, after, json }: Seen) {
  switch (route) {
    case "list-versions":
      expect(((await json()).versions as unknown[]).length).toBe(before.versions.length);
      break;
    case "save-version":
      expect(after.versions.length).toBe(before.versions.length + 1);
      break;
    case "read-version":
      expect(await json()).toMatchObject({ title: fx.v1Title });
      break;
    case "version-diff":
      expect(typeof (await json())).toBe("object");
      break;
    case "restore-version":
      expect(after.graph).not.toBe(before.graph);
      expect((await server.models.readGraph(id)).model.title).toBe(fx.v1Title);
      break;
  }
}

const cells = PATHS.flatMap((path) =>
  METHODS.flatMap((method: Method) =>
    CREDENTIALS.map((credential) => ({
      path,
      method,
      credential,
      expected: httpExpectation(path, method, credential),
    })),
  ),
);

describe(`HTTP authorization matrix (${cells.length} cells)`, () => {
  it.each(cells)("$method $path with $credential → $expected.status", async (cell) => {
    const { expected } = cell;
    const fresh = expected.effect === "allowed" && MUTATING.has(expected.route);
    const fx = fresh ? await httpFixture() : shared;
    const url = cell.path
      .replace(":id", fx.model.id)
      .replace(":linkId", fx.viewerLinkId)
      .replace(":vid", fx.versionId);
    const before = await fingerprint(fx.model.id);
    const withBody = cell.method === "POST" || cell.method === "PUT" || cell.method === "PATCH";
    const response = await api(server.url, url, {
      method: cell.method,
      token: fx.bearer[cell.credential],
      body: withBody ? (BODIES[cell.path]?.() ?? "{}") : undefined,
    });
    expect(response.status).toBe(expected.status);
    if (expected.effect === "refused") {
      const error = ((await response.json()) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe(expected.code);
      expect(error.message).toBeTruthy();
      expect(await fingerprint(fx.model.id)).toEqual(before);
    } else {
      await expectEffect(expected.route, response, fx, before, cell.credential);
    }
  });
});
