import { addNode, startThread, toModelFile } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  api,
  authorOf,
  type Client,
  connect,
  createModel,
  person,
  sessionToken,
  sleep,
  storedDoc,
  synced,
  useTestServer,
  waitFor,
} from "../../tests/support/index.ts";

type Role = "viewer" | "commenter" | "editor" | "owner";
const ROLES: Role[] = ["viewer", "commenter", "editor", "owner"];

const server = useTestServer();

const ana = person("Ana");

function write(client: Client, kind: "graph" | "review", label: string, role: Role): void {
  if (kind === "graph") addNode(client.doc, { kind: "input", title: label }, "local");
  else
    startThread(
      client.doc,
      { anchor: { kind: "model" }, type: "idea", text: label, author: authorOf(ana, role) },
      "local",
    );
}

describe("role matrix over both documents", () => {
  const cases = ROLES.flatMap((role) =>
    (["graph", "review"] as const).map((kind) => ({
      role,
      kind,
      allowed: kind === "graph" ? role === "editor" || role === "owner" : role !== "viewer",
    })),
  );
  it.each(cases)(
    "$role writing the $kind document: allowed=$allowed",
    async ({ role, kind, allowed }) => {
      const model = await createModel(server.url);
      const name = kind === "graph" ? model.id : `${model.id}/review`;
      const watcher = connect(server, name, model.tokens.owner);
      const writer = connect(server, name, sessionToken(model.tokens[role], ana));
      await synced(watcher);
      await synced(writer);
      const before = Y.encodeStateVector(await storedDoc(server.store, name)).join();
      const receivedBefore = watcher.received.length;
      write(writer, kind, `by ${role}`, role);
      if (allowed) {
        await waitFor(
          () => watcher.received.length > receivedBefore,
          "the change to reach another client",
        );
        await waitFor(() => writer.provider.unsyncedChanges === 0, "acknowledgement");
        expect(Y.encodeStateVector(await storedDoc(server.store, name)).join()).not.toBe(before);
        expect(writer.closes).toEqual([]);
      } else {
        await waitFor(() => writer.closes.length > 0, "the read-only writer to be closed");
        expect(writer.closes[0]).toMatch(/^read-only: /);
        await sleep(100);
        expect(watcher.received.length).toBe(receivedBefore);
        expect(Y.encodeStateVector(await storedDoc(server.store, name)).join()).toBe(before);
      }
      watcher.destroy();
      writer.destroy();
    },
  );

  it("refuses a token of another model on both documents", async () => {
    const a = await createModel(server.url);
    const b = await createModel(server.url);
    for (const name of [a.id, `${a.id}/review`]) {
      const client = connect(server, name, b.tokens.owner);
      await waitFor(() => client.authFailures.length > 0, "refusal");
      expect(client.authFailures[0]).toMatch(/^unauthorized: /);
      client.destroy();
    }
  });

  it("revoking a link disconnects its connections at once and refuses it afterwards", async () => {
    const model = await createModel(server.url);
    const list = await (
      await api(server.url, `/api/models/${model.id}/links`, { token: model.tokens.owner })
    ).json();
    const editorLink = (list as { links: { id: string; role: string }[] }).links.find(
      (l) => l.role === "editor",
    );
    const graph = connect(server, model.id, model.tokens.editor);
    const review = connect(server, `${model.id}/review`, model.tokens.editor);
    const owner = connect(server, model.id, model.tokens.owner);
    await synced(graph);
    await synced(review);
    await synced(owner);
    const revoke = await api(server.url, `/api/models/${model.id}/links/${editorLink?.id}`, {
      method: "DELETE",
      token: model.tokens.owner,
    });
    expect(revoke.status).toBe(200);
    expect(await revoke.json()).toMatchObject({ id: editorLink?.id, revoked: true });
    await waitFor(
      () => graph.closes.length > 0 && review.closes.length > 0,
      "both connections closed",
    );
    expect(graph.closes[0]).toMatch(/^link-revoked: /);
    expect(review.closes[0]).toMatch(/^link-revoked: /);
    expect(owner.closes).toEqual([]);
    const again = connect(server, model.id, model.tokens.editor);
    await waitFor(() => again.authFailures.length > 0, "refusal");
    expect(again.authFailures[0]).toMatch(/^link-revoked: /);
    const http = await api(server.url, `/api/models/${model.id}`, { token: model.tokens.editor });
    expect(http.status).toBe(401);
    for (const c of [graph, review, owner, again]) c.destroy();
  });
});

describe("role matrix over every HTTP route", () => {
  const file = toModelFile({ title: "Put", masteryGoal: "", nodes: [], edges: [] });
  type Credential = Role | "none" | "other-model";
  const credentials: Credential[] = [...ROLES, "none", "other-model"];
  const routes: {
    name: string;
    minimum: Role;
    ok: number;
    request: (id: string, linkId: string, versionId: string) => [string, RequestInit];
  }[] = [
    { name: "GET model", minimum: "viewer", ok: 200, request: (id) => [`/api/models/${id}`, {}] },
    {
      name: "GET export",
      minimum: "viewer",
      ok: 200,
      request: (id) => [`/api/models/${id}/export`, {}],
    },
    {
      name: "GET validation",
      minimum: "viewer",
      ok: 200,
      request: (id) => [`/api/models/${id}/validation`, {}],
    },
    {
      name: "PUT content",
      minimum: "editor",
      ok: 200,
      request: (id) => [`/api/models/${id}/content`, { method: "PUT", body: JSON.stringify(file) }],
    },
    {
      name: "GET links",
      minimum: "editor",
      ok: 200,
      request: (id) => [`/api/models/${id}/links`, {}],
    },
    {
      name: "POST links",
      minimum: "owner",
      ok: 201,
      request: (id) => [`/api/models/${id}/links`, { method: "POST", body: '{"role":"viewer"}' }],
    },
    {
      name: "DELETE link",
      minimum: "owner",
      ok: 200,
      request: (id, linkId) => [`/api/models/${id}/links/${linkId}`, { method: "DELETE" }],
    },
    {
      name: "GET versions",
      minimum: "viewer",
      ok: 200,
      request: (id) => [`/api/models/${id}/versions`, {}],
    },
    {
      name: "POST versions",
      minimum: "editor",
      ok: 201,
      request: (id) => [`/api/models/${id}/versions`, { method: "POST", body: '{"label":"v2"}' }],
    },
    {
      name: "GET version",
      minimum: "viewer",
      ok: 200,
      request: (id, _l, vid) => [`/api/models/${id}/versions/${vid}`, {}],
    },
    {
      name: "GET version diff",
      minimum: "viewer",
      ok: 200,
      request: (id, _l, vid) => [`/api/models/${id}/versions/${vid}/diff`, {}],
    },
    {
      name: "POST version restore",
      minimum: "editor",
      ok: 200,
      request: (id, _l, vid) => [`/api/models/${id}/versions/${vid}/restore`, { method: "POST" }],
    },
    {
      name: "GET activity",
      minimum: "viewer",
      ok: 200,
      request: (id) => [`/api/models/${id}/activity?limit=5`, {}],
    },
    {
      name: "DELETE model",
      minimum: "owner",
      ok: 204,
      request: (id) => [`/api/models/${id}`, { method: "DELETE" }],
    },
  ];
  const cases = routes.flatMap((route) => credentials.map((credential) => ({ route, credential })));

  it.each(cases)("$route.name with $credential", async ({ route, credential }) => {
    const model = await createModel(server.url);
    const other = await createModel(server.url);
    const links = (await (
      await api(server.url, `/api/models/${model.id}/links`, { token: model.tokens.owner })
    ).json()) as {
      links: { id: string; role: string }[];
    };
    const viewerLink = links.links.find((l) => l.role === "viewer")?.id ?? "";
    const token =
      credential === "none"
        ? undefined
        : credential === "other-model"
          ? other.tokens.owner
          : model.tokens[credential];
    const saved = await api(server.url, `/api/models/${model.id}/versions`, {
      method: "POST",
      token: model.tokens.owner,
      body: '{"label":"v1"}',
    });
    const versionId = ((await saved.json()) as { id: string }).id;
    const [path, init] = route.request(model.id, viewerLink, versionId);
    const response = await api(server.url, path, { ...init, token });
    const expected =
      credential === "none" || credential === "other-model"
        ? 401
        : ROLES.indexOf(credential) >= ROLES.indexOf(route.minimum)
          ? route.ok
          : 403;
    expect(response.status).toBe(expected);
    if (expected >= 400) {
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBeTruthy();
      expect(body.error.message).toBeTruthy();
      // Refused requests change nothing.
      const still = await api(server.url, `/api/models/${model.id}/links`, {
        token: model.tokens.owner,
      });
      expect(still.status).toBe(200);
      expect(((await still.json()) as { links: unknown[] }).links).toHaveLength(4);
      const versions = await api(server.url, `/api/models/${model.id}/versions`, {
        token: model.tokens.owner,
      });
      expect(((await versions.json()) as { versions: unknown[] }).versions).toHaveLength(1);
    }
  });
});
