import { CONNECTION_LIMITS } from "@logic-canvas/shared";
import { expect, it } from "vitest";
import { connect, createModel, synced } from "../../support/index.ts";
import { useServerProcess } from "../../support/server-process.ts";
import { body, openRaw } from "../support/wire.ts";

/**
 * Presence (awareness) is relayed to everyone on the document, so what one connection may put
 * there is bounded: it speaks for one client id (an attack announced 20,000 in one frame, and
 * the server broadcast 2.3 MB to every peer), and one state has a size cap.
 */

const server = useServerProcess();

const settle = () => new Promise((r) => setTimeout(r, 800));

async function setting() {
  const model = await createModel(server.url);
  const peer = connect(server, model.id, model.tokens.editor);
  await synced(peer);
  // A bystander that has synced, as every page has: what presence it is sent is counted.
  const watcher = await openRaw(server.url, "collab");
  watcher.send(model.id, body.auth(model.tokens.owner));
  await watcher.next((f) => f.kind === "auth-ok", "the watcher's authentication");
  await watcher.barrier(model.id);
  const attacker = await openRaw(server.url, "collab");
  attacker.send(model.id, body.auth(model.tokens.editor));
  await attacker.next((f) => f.kind === "auth-ok", "the attacker's authentication");
  await attacker.barrier(model.id);
  await settle();
  const from = watcher.frames.length;
  return {
    model,
    peer,
    attacker,
    /** Presence bytes the bystander was sent (each state's JSON and its id and clock). */
    received: () =>
      watcher.frames
        .slice(from)
        .flatMap((f) => (f.kind === "awareness" ? [...f.states.values()] : []))
        .reduce<number>((n, st) => n + JSON.stringify(st).length + 10, 0),
    end: async () => {
      peer.destroy();
      await watcher.end();
      await attacker.end();
    },
  };
}

const BASE = 3_000_000;
const state = (i: number) => ({
  user: { name: `Someone ${i}`, color: "#123456" },
  cursor: { x: i, y: i },
});

it("one frame announcing 20,000 client ids reaches the others as one presence", async () => {
  const s = await setting();
  s.attacker.send(
    s.model.id,
    body.awareness(Array.from({ length: 20_000 }, (_, i) => [BASE + i, 1, state(i)])),
  );
  await s.attacker.barrier(s.model.id);
  // A second frame with ids it never announced before: not its own either.
  s.attacker.send(s.model.id, body.awareness([[BASE + 50_000, 1, state(50_000)]]));
  await s.attacker.barrier(s.model.id);
  await settle();
  const seen = [...(s.peer.provider.awareness?.getStates().keys() ?? [])].filter(
    (id) => id >= BASE && id < BASE + 100_000,
  );
  const bytes = s.received();
  await s.end();
  expect(seen).toEqual([BASE]);
  expect(bytes).toBeLessThan(10_000);
});

it(`a presence state over ${CONNECTION_LIMITS.presenceStateBytes} bytes is refused with a reason and reaches nobody`, async () => {
  const s = await setting();
  const big = {
    user: { name: "Big" },
    selection: ["x".repeat(CONNECTION_LIMITS.presenceStateBytes)],
  };
  s.attacker.send(s.model.id, body.awareness([[BASE + 7, 1, big]]));
  const closed = await s.attacker.next(
    (f) => f.kind === "close" && f.doc === s.model.id,
    "the attacker's presence to be refused",
  );
  await settle();
  const seen = [...(s.peer.provider.awareness?.getStates().keys() ?? [])].filter(
    (id) => id >= BASE && id < BASE + 100_000,
  );
  const bytes = s.received();
  await s.end();
  expect(closed.kind === "close" && closed.reason).toMatch(/^presence-too-large: /);
  expect(seen).toEqual([]);
  expect(bytes).toBeLessThan(CONNECTION_LIMITS.presenceStateBytes);
});
