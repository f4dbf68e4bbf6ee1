import { addNode } from "@logic-canvas/shared";
import { beforeAll, expect, it } from "vitest";
import WebSocket from "ws";
import {
  acknowledged,
  type Client,
  connect,
  createModel,
  synced,
  useTestServer,
  waitFor,
} from "../../tests/support/index.ts";

/**
 * A connection slot on a model is held from authentication until the connection is made, and
 * must be given back the moment the socket goes away or the document is refused, whatever the
 * stage. (Found by the frame fuzzer: after its sessions a fresh editor was refused
 * `too-many-connections` for ~30 s although no socket was open.)
 */

const CAP = 4;
const server = useTestServer({ limits: { maxConnectionsPerModel: CAP } });
// Storage made slow or failing on demand, to stop sockets at the loading stage.
let loadDelayMs = 0;
let loadFails = false;

beforeAll(() => {
  const load = server.store.loadDocument.bind(server.store);
  server.store.loadDocument = async (name) => {
    if (loadDelayMs > 0) await new Promise((r) => setTimeout(r, loadDelayMs));
    if (loadFails) throw new Error("injected storage failure");
    return load(name);
  };
});

function varString(s: string): number[] {
  const bytes = [...new TextEncoder().encode(s)];
  return [bytes.length, ...bytes];
}
const authFrame = (doc: string, token: string) =>
  Uint8Array.from([...varString(doc), 2, 0, ...varString(token)]);

/** A raw socket that sends the auth message for `doc`; resolves with the auth replies it saw. */
async function rawSocket(doc: string, token: string) {
  const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab`);
  ws.on("error", () => {});
  const replies: string[] = [];
  const at = varString(doc).length;
  ws.on("message", (data: Buffer) => {
    // Auth reply: type 2, then 2 = authenticated, 1 = permission denied.
    if (data[at] === 2) replies.push(data[at + 1] === 2 ? "authenticated" : "denied");
  });
  await new Promise((r) => {
    ws.on("open", r);
    ws.on("close", r);
  });
  ws.send(authFrame(doc, token));
  return { ws, replies };
}

/** The real editor: it must load the model within a second. */
async function editorLoads(modelId: string, token: string): Promise<string | null> {
  const editor = connect(server, modelId, token);
  try {
    await waitFor(() => editor.provider.isSynced, "the editor to load the model", 1_000);
    return null;
  } catch {
    return `not loaded within 1 s; auth failures: ${JSON.stringify(editor.authFailures)}`;
  } finally {
    editor.destroy();
  }
}

type Model = Awaited<ReturnType<typeof createModel>>;

const stages: [string, (model: Model) => Promise<void>][] = [
  [
    "the document fails to load after admission (socket left open)",
    async (model) => {
      loadFails = true;
      const refused = await Promise.all(
        Array.from({ length: CAP }, () => rawSocket(model.id, model.tokens.editor)),
      );
      await waitFor(
        () => refused.every((s) => s.replies.includes("denied")),
        "every socket to be refused its document",
      );
      loadFails = false;
    },
  ],
  [
    "the socket closes while the document loads",
    async (model) => {
      loadDelayMs = 300;
      await Promise.all(
        Array.from({ length: CAP }, async () => {
          const s = await rawSocket(model.id, model.tokens.editor);
          await waitFor(() => s.replies.length > 0, "the auth reply");
          s.ws.terminate();
        }),
      );
      await new Promise((r) => setTimeout(r, loadDelayMs + 100));
      loadDelayMs = 0;
    },
  ],
  [
    "the socket closes right after sending its token",
    async (model) => {
      loadDelayMs = 200;
      await Promise.all(
        Array.from({ length: CAP * 2 }, async () => {
          const s = await rawSocket(model.id, model.tokens.editor);
          s.ws.terminate();
        }),
      );
      await new Promise((r) => setTimeout(r, loadDelayMs + 100));
      loadDelayMs = 0;
    },
  ],
  [
    "the socket sends an unreadable frame after authenticating",
    async (model) => {
      await Promise.all(
        Array.from({ length: CAP * 2 }, async () => {
          const s = await rawSocket(model.id, model.tokens.viewer);
          await waitFor(() => s.replies.length > 0, "the auth reply");
          s.ws.send(Uint8Array.from([0xff, 0xff, 0xff]));
          await new Promise((r) => setTimeout(r, 20));
          s.ws.terminate();
        }),
      );
    },
  ],
];

it.each(stages)(
  "after sockets stop at this stage, a real editor connects at once: %s",
  async (_, stage) => {
    const model = await createModel(server.url);
    await stage(model);
    expect(await editorLoads(model.id, model.tokens.editor)).toBeNull();
  },
);

it("the cap still refuses the next live connection with its reason, the others unaffected", async () => {
  const model = await createModel(server.url);
  const live: Client[] = [];
  for (let i = 0; i < CAP; i++) live.push(connect(server, model.id, model.tokens.editor));
  for (const client of live) await synced(client);
  const extra = connect(server, model.id, model.tokens.editor);
  await waitFor(() => extra.authFailures.length > 0, "the extra connection to be refused");
  expect(extra.authFailures[0]).toMatch(/^too-many-connections: /);
  for (const [i, client] of live.entries()) {
    addNode(client.doc, { kind: "input", title: `still editing ${i}` }, "local");
    await acknowledged(client);
    expect(client.closes).toEqual([]);
  }
  for (const client of [...live, extra]) client.destroy();
});
