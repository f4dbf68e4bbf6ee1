import { LINK_LABEL_MAX, LINKS_PER_MODEL_MAX, type ShareLink } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import {
  api,
  connect,
  createModel,
  synced,
  useTestServer,
  waitFor,
} from "../../tests/support/index.ts";

const server = useTestServer();

const tokenOf = (url: string | null) => url?.split("#token=")[1] ?? "";

async function listLinks(modelId: string, token: string) {
  const response = await api(server.url, `/api/models/${modelId}/links`, { token });
  return { status: response.status, text: await response.clone().text(), response };
}

async function newLink(modelId: string, token: string, body: unknown) {
  return api(server.url, `/api/models/${modelId}/links`, {
    method: "POST",
    token,
    body: JSON.stringify(body),
  });
}

describe("share links: who may list, create and revoke", () => {
  it("lists every link with a copyable URL for the owner, and keeps a label and an expiry", async () => {
    const model = await createModel(server.url);
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const created = await newLink(model.id, model.tokens.owner, {
      role: "commenter",
      label: "  Board members ",
      expiresAt,
    });
    expect(created.status).toBe(201);
    const link = (await created.json()) as ShareLink;
    expect(link).toMatchObject({ role: "commenter", label: "Board members", expiresAt });
    const { response } = await listLinks(model.id, model.tokens.owner);
    const body = (await response.json()) as { links: ShareLink[]; canManage: boolean };
    expect(body.canManage).toBe(true);
    expect(body.links.map((l) => l.role).sort()).toEqual(
      ["commenter", "commenter", "editor", "owner", "viewer"].sort(),
    );
    // Every link made by this server can be copied again, and its URL is the link itself.
    for (const role of ["viewer", "commenter", "editor", "owner"] as const) {
      const listed = body.links.find((l) => l.role === role && l.label === null);
      expect(tokenOf(listed?.url ?? null)).toBe(model.tokens[role]);
    }
    const board = body.links.find((l) => l.label === "Board members");
    expect(board).toMatchObject({ expiresAt, expired: false, revoked: false });
    const info = await api(server.url, `/api/models/${model.id}`, {
      token: tokenOf(board?.url ?? null),
    });
    expect(((await info.json()) as { role: string }).role).toBe("commenter");
  });

  it("shows an editor the viewer and commenter links only, and nobody below editor any", async () => {
    const model = await createModel(server.url);
    const editor = await listLinks(model.id, model.tokens.editor);
    expect(editor.status).toBe(200);
    const body = JSON.parse(editor.text) as { links: ShareLink[]; canManage: boolean };
    expect(body.canManage).toBe(false);
    expect(body.links.map((l) => l.role).sort()).toEqual(["commenter", "viewer"]);
    expect(editor.text).not.toContain(model.tokens.editor);
    expect(editor.text).not.toContain(model.tokens.owner);
    for (const role of ["commenter", "viewer"] as const) {
      const denied = await listLinks(model.id, model.tokens[role]);
      expect(denied.status).toBe(403);
      expect(denied.text).not.toContain(model.tokens.viewer);
    }
  });

  it("refuses an editor creating or revoking a link, and changes nothing", async () => {
    const model = await createModel(server.url);
    const create = await newLink(model.id, model.tokens.editor, { role: "viewer" });
    expect(create.status).toBe(403);
    const owned = JSON.parse((await listLinks(model.id, model.tokens.owner)).text) as {
      links: ShareLink[];
    };
    const viewer = owned.links.find((l) => l.role === "viewer");
    const revoke = await api(server.url, `/api/models/${model.id}/links/${viewer?.id}`, {
      method: "DELETE",
      token: model.tokens.editor,
    });
    expect(revoke.status).toBe(403);
    const after = JSON.parse((await listLinks(model.id, model.tokens.owner)).text) as {
      links: ShareLink[];
    };
    expect(after.links).toEqual(owned.links);
  });

  it("refuses a label over the limit and an expiry in the past, in words", async () => {
    const model = await createModel(server.url);
    const long = await newLink(model.id, model.tokens.owner, {
      role: "viewer",
      label: "x".repeat(LINK_LABEL_MAX + 1),
    });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: { message: string } }).error.message).toBe(
      `label must be at most ${LINK_LABEL_MAX} characters.`,
    );
    const past = await newLink(model.id, model.tokens.owner, {
      role: "viewer",
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(past.status).toBe(400);
    expect(((await past.json()) as { error: { message: string } }).error.message).toBe(
      "expiresAt must be in the future.",
    );
  });
});

describe("an expiring link", () => {
  it("disconnects its people when it expires, then is refused at connect and on the API", async () => {
    const model = await createModel(server.url);
    const expiresAt = new Date(Date.now() + 1_500).toISOString();
    const created = (await (
      await newLink(model.id, model.tokens.owner, { role: "editor", expiresAt })
    ).json()) as ShareLink;
    const token = tokenOf(created.url);
    const graph = connect(server, model.id, token);
    const owner = connect(server, model.id, model.tokens.owner);
    await synced(graph);
    await synced(owner);
    await waitFor(() => graph.closes.length > 0, "closed when the link expired", 10_000);
    expect(graph.closes[0]).toMatch(/^link-expired: /);
    expect(owner.closes).toEqual([]);
    const again = connect(server, model.id, token);
    await waitFor(() => again.authFailures.length > 0, "refusal");
    expect(again.authFailures[0]).toMatch(/^link-expired: /);
    const http = await api(server.url, `/api/models/${model.id}`, { token });
    expect(http.status).toBe(401);
    expect(await http.json()).toMatchObject({
      error: {
        code: "link-expired",
        message: expect.stringMatching(
          /^The link you used expired on \d{1,2} [A-Z][a-z]{2} \d{4}\. /,
        ),
      },
    });
    const listed = JSON.parse((await listLinks(model.id, model.tokens.owner)).text) as {
      links: ShareLink[];
    };
    expect(listed.links.find((l) => l.id === created.id)).toMatchObject({ expired: true });
    for (const c of [graph, owner, again]) c.destroy();
  });
});

describe("how many links one model holds", () => {
  it("refuses a link past the cap, in words, and keeps the ones it has", async () => {
    const model = await createModel(server.url);
    const start = (await listLinks(model.id, model.tokens.owner)).response;
    const held = ((await start.json()) as { links: unknown[] }).links.length;
    for (let i = held; i < LINKS_PER_MODEL_MAX; i++) {
      const made = await newLink(model.id, model.tokens.owner, { role: "viewer" });
      expect(made.status).toBe(201);
    }
    const refused = await newLink(model.id, model.tokens.owner, { role: "viewer" });
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("too-many-links");
    expect(body.error.message).toContain(`already has ${LINKS_PER_MODEL_MAX} share links`);
    const after = (await listLinks(model.id, model.tokens.owner)).response;
    expect(((await after.json()) as { links: unknown[] }).links.length).toBe(LINKS_PER_MODEL_MAX);
  });
});
