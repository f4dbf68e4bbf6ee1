import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docName, storedState } from "../authorization/fixtures.ts";
import { DOCS, MESSAGES, wsExpectation } from "../authorization/permissions.ts";
import { type Endpoint, openRaw, SYNC } from "../support/wire.ts";
import { ASKERS, PLACES, type Place, startWorld, type World } from "./world.ts";
import { accepted, assertOutcome, messageFor, refused, type Watched, watch } from "./ws-cells.ts";

/**
 * Every workspace role × every place of the model × every WebSocket message × both documents ×
 * both endpoints, generated from shared's WORKSPACE_MODEL_ROLES (and POSTED_MODEL_ROLES for a
 * sibling's model posted to the gallery above): a signed-in person opens the
 * model by id with no link (their cookie on the upgrade) and gets exactly the rule's role, or
 * `no-access`. A watcher (the owner, by link) shows what was broadcast.
 */

const ENDPOINTS: Endpoint[] = ["collab", "yjs"];

let world: World;
const watched = {} as Record<Place, Watched>;

beforeAll(async () => {
  world = await startWorld();
  for (const location of PLACES) {
    const model = world.models[location];
    watched[location] = await watch(world, model.id, model.tokens.owner);
  }
});
afterAll(async () => {
  for (const w of Object.values(watched)) await w.watcher.end();
  await world?.server.stop();
});

const cells = ENDPOINTS.flatMap((endpoint) =>
  DOCS.flatMap((kind) =>
    MESSAGES.flatMap((message) =>
      ASKERS.map((asker) => ({
        endpoint,
        kind,
        message,
        asker,
        expected: asker.modelRole
          ? wsExpectation(endpoint, asker.modelRole, kind, message)
          : ({ kind: "handshake-refused", reason: "no-access" } as const),
      })),
    ),
  ),
);

describe(`workspace-role WebSocket matrix (${cells.length} cells)`, () => {
  it.each(cells)(
    "/$endpoint $kind: $message by a $asker.role, model $asker.location → $expected.kind",
    async ({ endpoint, kind, message, asker, expected }) => {
      const model = world.models[asker.location];
      const w = watched[asker.location];
      const name = docName(model.id, kind);
      const person = world.people[asker.role];
      const cell = { message, kind, person, role: asker.modelRole ?? "viewer" };
      const before = await storedState(world.server, name);
      const watchedFrom = w.watcher.frames.length;
      const clientId = 2_000_000 + Math.floor(Math.random() * 1_000_000_000);
      const sent = await messageFor(world, w, cell, name, clientId);
      const client = await openRaw(world.server.url, endpoint, {
        doc: name,
        token: "",
        cookie: person.cookie,
      });
      try {
        if (expected.kind === "handshake-refused") await refused(client, name, sent);
        else {
          await accepted(client, cell, name);
          const from = client.frames.length;
          client.send(name, sent);
          await assertOutcome({ world, watched: w, expected, client, cell, name, clientId, from });
        }
        await w.watcher.barrier(name);
        const after = await storedState(world.server, name);
        const broadcast = w.watcher.frames
          .slice(watchedFrom)
          .filter((f) => f.kind === "sync" && f.doc === name && f.step === SYNC.update);
        const wrote =
          expected.kind === "write-applied" ||
          (expected.kind === "reauth-keeps-scope" && expected.writable);
        if (wrote) {
          expect(after).not.toBe(before);
          expect(broadcast.length).toBeGreaterThan(0);
        } else {
          expect(after).toBe(before);
          expect(broadcast).toEqual([]);
        }
      } finally {
        await client.end();
      }
    },
  );
});
