import { addNode, nodesMap } from "@logic-canvas/shared";
import { expect, it } from "vitest";
import { acknowledged, connect, createModel, synced, waitFor } from "../support/index.ts";
import { useServerProcess } from "../support/server-process.ts";
import { rawAuthenticated } from "./support/harness.ts";
import { varBytes, varUint } from "./support/wire.ts";

/**
 * Presence (awareness) states are JSON that the server parses and re-encodes for everyone. A
 * state nested 50,000 deep parses, but JSON.stringify overflows the stack when the server encodes
 * it again, which is what it does for every other client's presence and for every newcomer. While
 * the attacker's state lives, the document must keep working for everyone else.
 */

const server = useServerProcess();

const utf8 = (s: string) => [...new TextEncoder().encode(s)];

it("a presence state nested 50,000 deep does not lock newcomers or peers out of the document", async () => {
  const model = await createModel(server.url);
  const peer = connect(server, model.id, model.tokens.editor);
  const other = connect(server, model.id, model.tokens.editor);
  await synced(peer);
  await synced(other);
  const attacker = await rawAuthenticated(server.url, model.id, model.tokens.editor);
  const state = `{"user":${"[".repeat(50_000)}${"]".repeat(50_000)}}`;
  // Awareness message: name, type 1, then the y-protocols awareness update as a byte array
  // (1 client: id 4242, clock 1, state JSON).
  const update = [...varUint(1), ...varUint(4242), ...varUint(1), ...varBytes(utf8(state))];
  attacker.ws.send(Uint8Array.from([...varBytes(utf8(model.id)), 1, ...varBytes(update)]));
  await new Promise((r) => setTimeout(r, 300));

  const newcomer = connect(server, model.id, model.tokens.editor);
  let newcomerError: string | null = null;
  try {
    await waitFor(() => newcomer.provider.isSynced, "a newcomer to load the document", 5_000);
  } catch (error) {
    newcomerError = (error as Error).message;
  }
  const id = addNode(peer.doc, { kind: "input", title: "still editing" }, "local");
  let peerError: string | null = null;
  try {
    await acknowledged(peer);
    await waitFor(() => nodesMap(other.doc).has(id), "the other peer to see the edit", 5_000);
  } catch (error) {
    peerError = (error as Error).message;
  }
  attacker.ws.terminate();
  for (const c of [peer, other, newcomer]) c.destroy();
  expect(server.exit()).toBeNull();
  expect(newcomerError, "newcomer").toBeNull();
  expect(peerError, "peers").toBeNull();
  expect(peer.closes, "closes seen by a peer").toEqual([]);
});
