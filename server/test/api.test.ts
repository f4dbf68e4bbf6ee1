import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { toModelFile } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { api, createModel, useTestServer } from "../../tests/support/index.ts";

const server = useTestServer({ limits: { maxBodyBytes: 64 * 1024 } });

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string; details?: unknown } })
    .error;

describe("POST /api/models", () => {
  it("creates a blank model, a titled one, the template, and one from a file, each with four links", async () => {
    const blank = await createModel(server.url);
    expect(blank.title).toBeTruthy();
    const titled = await createModel(server.url, { title: "Grade 3 reading" });
    expect(titled.title).toBe("Grade 3 reading");
    const template = await createModel(server.url, { template: "coaching" });
    const file = toModelFile({
      title: "From file",
      masteryGoal: "m",
      nodes: [{ id: "a", kind: "input", title: "A" }],
      edges: [],
    });
    const fromFile = await createModel(server.url, file);
    expect(fromFile.title).toBe("From file");
    for (const model of [blank, titled, template, fromFile]) {
      expect(model.id).toMatch(/^[0-9A-Za-z]{16}$/);
      for (const role of ["owner", "editor", "commenter", "viewer"] as const) {
        expect(model.links[role]).toMatch(
          new RegExp(`^${server.url}/m/${model.id}#token=[A-Za-z0-9_-]{43}$`),
        );
      }
      expect(new Set(Object.values(model.tokens)).size).toBe(4);
    }
    const read = await api(server.url, `/api/models/${template.id}`, {
      token: template.tokens.commenter,
    });
    const summary = (await read.json()) as { id: string; role: string; nodeCount: number };
    expect(summary).toMatchObject({ id: template.id, role: "commenter" });
    expect(summary.nodeCount).toBeGreaterThan(0);
  });

  it("answers bad input with 400 and a list of problems", async () => {
    const post = (body: string) =>
      fetch(`${server.url}/api/models`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
      });
    const invalid = await post(
      JSON.stringify({
        format: "logic-model",
        version: 1,
        title: "",
        masteryGoal: "",
        nodes: [{ id: "x", kind: "wish", title: "t" }],
        edges: [],
      }),
    );
    expect(invalid.status).toBe(400);
    const error = await errorOf(invalid);
    expect(error.code).toBe("invalid-model-file");
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: expect.stringContaining("nodes[0].kind") }),
      ]),
    );
    for (const body of [
      "{nope",
      "[]",
      "42",
      '{"title":""}',
      `{"title":"${"x".repeat(600)}"}`,
      '{"template":"other"}',
      '{"colour":"red"}',
    ]) {
      const response = await post(body);
      expect(response.status, body.slice(0, 30)).toBe(400);
      expect((await errorOf(response)).message).toBeTruthy();
    }
    const big = await post(JSON.stringify({ title: "x".repeat(70 * 1024) }));
    expect(big.status).toBe(413);
  });
});

describe("model routes", () => {
  it("exports the model file and CSV, validates, and lists links with copyable URLs", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const exported = await api(server.url, `/api/models/${model.id}/export`, {
      token: model.tokens.viewer,
    });
    expect(exported.status).toBe(200);
    const file = (await exported.json()) as { format: string; nodes: unknown[] };
    expect(file.format).toBe("logic-model");
    expect(file.nodes.length).toBeGreaterThan(0);
    const csv = await api(server.url, `/api/models/${model.id}/export?format=csv`, {
      token: model.tokens.viewer,
    });
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect(await csv.text()).toContain(",");
    const badFormat = await api(server.url, `/api/models/${model.id}/export?format=xml`, {
      token: model.tokens.viewer,
    });
    expect(badFormat.status).toBe(400);
    const validation = await api(server.url, `/api/models/${model.id}/validation`, {
      token: model.tokens.viewer,
    });
    expect(Object.keys((await validation.json()) as object).sort()).toEqual(["errors", "warnings"]);
    const links = await api(server.url, `/api/models/${model.id}/links`, {
      token: model.tokens.owner,
    });
    // The owner may copy every link again (tokens are kept for that; see schema-sql.ts).
    const text = await links.text();
    for (const token of Object.values(model.tokens)) expect(text).toContain(`#token=${token}`);
    const created = await api(server.url, `/api/models/${model.id}/links`, {
      method: "POST",
      token: model.tokens.owner,
      body: '{"role":"editor"}',
    });
    expect(created.status).toBe(201);
    const link = (await created.json()) as {
      id: string;
      role: string;
      url: string;
      revoked: boolean;
    };
    expect(link).toMatchObject({ role: "editor", revoked: false });
    const token = link.url.split("#token=")[1];
    expect((await api(server.url, `/api/models/${model.id}`, { token })).status).toBe(200);
    for (const body of ['{"role":"admin"}', "{}", ""]) {
      const bad = await api(server.url, `/api/models/${model.id}/links`, {
        method: "POST",
        token: model.tokens.owner,
        body,
      });
      expect(bad.status).toBe(400);
    }
    const unknownLink = await api(server.url, `/api/models/${model.id}/links/AAAAAAAAAAAA`, {
      method: "DELETE",
      token: model.tokens.owner,
    });
    expect(unknownLink.status).toBe(404);
  });

  it("refuses revoking the last owner link, and deletes a model for good", async () => {
    const model = await createModel(server.url);
    const { links } = (await (
      await api(server.url, `/api/models/${model.id}/links`, { token: model.tokens.owner })
    ).json()) as { links: { id: string; role: string }[] };
    const owner = links.find((l) => l.role === "owner");
    const last = await api(server.url, `/api/models/${model.id}/links/${owner?.id}`, {
      method: "DELETE",
      token: model.tokens.owner,
    });
    expect(last.status).toBe(409);
    const del = await api(server.url, `/api/models/${model.id}`, {
      method: "DELETE",
      token: model.tokens.owner,
    });
    expect(del.status).toBe(204);
    expect(
      (await api(server.url, `/api/models/${model.id}`, { token: model.tokens.owner })).status,
    ).toBe(404);
    expect(await server.store.loadDocument(model.id)).toBeUndefined();
  });

  it("answers PUT content with bad files with 400, and wrong methods with 405", async () => {
    const model = await createModel(server.url);
    const put = (body?: string) =>
      api(server.url, `/api/models/${model.id}/content`, {
        method: "PUT",
        token: model.tokens.editor,
        body,
      });
    expect((await put()).status).toBe(400);
    expect(
      (
        await put(
          '{"format":"logic-model","version":99,"title":"t","masteryGoal":"","nodes":[],"edges":[]}',
        )
      ).status,
    ).toBe(400);
    expect((await put("not json")).status).toBe(400);
    expect(
      (
        await api(server.url, `/api/models/${model.id}`, {
          method: "PATCH",
          token: model.tokens.owner,
        })
      ).status,
    ).toBe(405);
    expect((await api(server.url, "/api/nothing")).status).toBe(404);
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toMatchObject({ status: "ok" });
  });
});

describe("hostile ids", () => {
  const hostile = [
    "../x",
    "..%2f..%2fetc",
    "%2e%2e",
    "%2e%2e%2fx",
    "a".repeat(10 * 1024),
    "%00",
    "abc%00def",
    "%C3%A9t%C3%A9",
    "%F0%9F%98%80",
    "0123456789abcdef/../..",
    ".",
    "",
  ];
  it.each(hostile.map((id) => ({ id, shown: id.slice(0, 24) })))(
    "answers $shown with 404 and touches nothing",
    async ({ id }) => {
      const model = await createModel(server.url);
      const before = readdirSync(server.dataDir).sort();
      const parent = readdirSync(dirname(server.dataDir)).length;
      for (const [method, path] of [
        ["GET", `/api/models/${id}`],
        ["GET", `/api/models/${id}/export`],
        ["PUT", `/api/models/${id}/content`],
        ["DELETE", `/api/models/${id}`],
        ["POST", `/api/models/${id}/duplicate`],
        ["POST", `/api/models/${id}/links`],
        ["DELETE", `/api/models/${id}/links/AAAAAAAAAAAA`],
        ["DELETE", `/api/models/${model.id}/links/${id}`],
        ["GET", `/api/models/${id}/versions`],
        ["GET", `/api/models/${model.id}/versions/${id}`],
        ["POST", `/api/models/${model.id}/versions/${id}/restore`],
        ["GET", `/api/models/${id}/activity`],
      ] as const) {
        const response = await api(server.url, path, {
          method,
          token: model.tokens.owner,
          body: method === "GET" || method === "DELETE" ? undefined : "{}",
        });
        expect([404, 405], `${method} ${path.slice(0, 60)}`).toContain(response.status);
        if (response.status === 404) expect((await errorOf(response)).code).toBe("not-found");
      }
      expect(readdirSync(server.dataDir).sort()).toEqual(before);
      expect(readdirSync(dirname(server.dataDir)).length).toBe(parent);
      expect(existsSync(join(server.dataDir, "x"))).toBe(false);
    },
  );
});
