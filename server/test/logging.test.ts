import { addNode } from "@logic-canvas/shared";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import {
  acknowledged,
  api,
  connect,
  createModel,
  startTestServer,
  synced,
  waitFor,
} from "../../tests/support/index.ts";

let output = "";
beforeEach(() => {
  output = "";
  const capture = (chunk: unknown) => {
    output += String(chunk);
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture);
  vi.spyOn(process.stderr, "write").mockImplementation(capture);
  vi.spyOn(console, "error").mockImplementation((...args) => capture(args.map(String).join(" ")));
  vi.spyOn(console, "log").mockImplementation((...args) => capture(args.map(String).join(" ")));
});
afterEach(() => {
  vi.restoreAllMocks();
});

it("logs structured lines at debug level and never a token", async () => {
  const server = await startTestServer({ logLevel: "debug" });
  const model = await createModel(server.url, { template: "coaching" });
  const editor = connect(server, model.id, model.tokens.editor);
  await synced(editor);
  addNode(editor.doc, { kind: "input", title: "logged" }, "local");
  await acknowledged(editor);
  const viewer = connect(server, model.id, model.tokens.viewer);
  await synced(viewer);
  addNode(viewer.doc, { kind: "input", title: "refused" }, "local");
  await waitFor(() => viewer.closes.length > 0);
  const stranger = connect(server, model.id, `${model.tokens.owner}x`);
  await waitFor(() => stranger.authFailures.length > 0);
  await api(server.url, `/api/models/${model.id}?token=${model.tokens.owner}`, {
    token: model.tokens.owner,
  });
  await api(server.url, `/api/models/${model.id}/links`, { token: model.tokens.viewer });
  for (const c of [editor, viewer, stranger]) c.destroy();
  await server.stop();
  const lines = output.split("\n").filter((l) => l.startsWith("{"));
  expect(lines.length).toBeGreaterThan(5);
  for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  expect(output).toContain('"event":"connected"');
  for (const token of Object.values(model.tokens)) expect(output).not.toContain(token);
});
