import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  body,
  type Endpoint,
  type Frame,
  openRaw,
  type RawClient,
  tryUpgrade,
} from "../support/wire.ts";
import {
  createModel,
  docName,
  type Fixture,
  makeFixture,
  publicPerson,
  startMatrixServer,
  type TestServer,
} from "./fixtures.ts";
import { DOCS } from "./permissions.ts";

let server: TestServer;
let fx: Fixture;

beforeAll(async () => {
  server = await startMatrixServer();
  fx = await makeFixture(server.url, await createModel(server.url));
});
afterAll(async () => {
  await server?.stop();
});

async function joinCollab(name: string, token: string): Promise<RawClient> {
  const client = await openRaw(server.url, "collab");
  client.send(name, body.auth(token));
  await client.next((f) => f.kind === "auth-ok", `joining ${name}`);
  return client;
}

/** Every state a client was shown for `clientId`, in order. */
const statesOf = (frames: Frame[], clientId: number) =>
  frames.flatMap((f) =>
    f.kind === "awareness" && f.states.has(clientId) ? [f.states.get(clientId)] : [],
  );

describe("presence cannot speak for another connection", () => {
  const cases = (["collab", "yjs"] as Endpoint[]).flatMap((endpoint) =>
    DOCS.map((kind) => ({ endpoint, kind })),
  );
  it.each(cases)(
    "a viewer on /$endpoint claiming an editor's client id and identity on $kind",
    async ({ endpoint, kind }) => {
      const name = docName(fx.model.id, kind);
      const victimId = 700_000 + Math.floor(Math.random() * 100_000);
      const attackerId = victimId + 1;
      const victim = await joinCollab(name, fx.tokens.editor as string);
      victim.send(name, body.awareness([[victimId, 1, { user: { name: "Edda", color: "#0a0" } }]]));
      await victim.barrier(name);
      const third = await joinCollab(name, fx.tokens.owner as string);
      await third.barrier(name);
      const seenFrom = third.frames.length;

      const attacker = await openRaw(server.url, endpoint, { doc: name, token: fx.tokens.viewer });
      if (endpoint === "collab") {
        attacker.send(name, body.auth(fx.tokens.viewer as string));
        await attacker.next((f) => f.kind === "auth-ok", "the attacker's authentication");
      }
      await attacker.barrier(name);
      attacker.send(
        name,
        body.awareness([
          // The victim's client id, with a later clock: would replace the victim's presence.
          [victimId, 50, { user: { name: "Mallory pretending" } }],
          // Its own client id, claiming the editor's person and the owner's role.
          [
            attackerId,
            1,
            { user: { name: "Edda" }, role: "owner", person: publicPerson("editor") },
          ],
        ]),
      );
      await attacker.barrier(name);
      // And then tries to remove the victim's presence altogether.
      attacker.send(name, body.awareness([[victimId, 51, null]]));
      await attacker.barrier(name);
      await third.barrier(name);

      const shown = third.frames.slice(seenFrom);
      expect(statesOf(shown, victimId)).toEqual([]);
      const attackerStates = statesOf(shown, attackerId);
      expect(attackerStates.length).toBeGreaterThan(0);
      for (const state of attackerStates)
        expect(state).toMatchObject({ role: "viewer", person: publicPerson("viewer") });

      // Someone joining now still sees the victim as the victim announced itself.
      const newcomer = await joinCollab(name, fx.tokens.commenter as string);
      await newcomer.barrier(name);
      const victimNow = statesOf(newcomer.frames, victimId).at(-1);
      expect(victimNow).toMatchObject({
        user: { name: "Edda" },
        role: "editor",
        person: publicPerson("editor"),
      });
      expect(attacker.closed).toBeNull();
      for (const c of [victim, third, attacker, newcomer]) await c.end();
    },
  );
});

describe("a client id stays its person's", () => {
  it.each(DOCS)(
    "once its person disconnects, another person cannot take it over on %s",
    async (kind) => {
      const name = docName(fx.model.id, kind);
      const victimId = 800_000 + Math.floor(Math.random() * 100_000);
      // Someone stays, so the document (and what the server knows of its client ids) stays loaded.
      const third = await joinCollab(name, fx.tokens.owner as string);
      await third.barrier(name);
      const victim = await joinCollab(name, fx.tokens.editor as string);
      victim.send(name, body.awareness([[victimId, 1, { user: { name: "Edda" } }]]));
      await victim.barrier(name);
      await victim.end();
      await third.barrier(name);
      const seenFrom = third.frames.length;
      const attacker = await joinCollab(name, fx.tokens.viewer as string);
      // A later clock than the victim's: it would show up under the victim's id.
      attacker.send(name, body.awareness([[victimId, 60, { user: { name: "Edda" } }]]));
      await attacker.barrier(name);
      await third.barrier(name);
      // (The victim's departure, a null state, may still arrive here.)
      const shownForVictim = statesOf(third.frames.slice(seenFrom), victimId);
      expect(shownForVictim.filter((state) => state !== null)).toEqual([]);

      // The victim comes back with the same Yjs client id (a provider keeps it) and is seen.
      const back = await joinCollab(name, fx.tokens.editor as string);
      back.send(name, body.awareness([[victimId, 61, { user: { name: "Edda" } }]]));
      await back.barrier(name);
      await third.barrier(name);
      expect(statesOf(third.frames.slice(seenFrom), victimId).at(-1)).toMatchObject({
        user: { name: "Edda" },
        person: publicPerson("editor"),
      });
      for (const c of [third, attacker, back]) await c.end();
    },
  );
});

describe("WebSocket upgrades and the Origin allowlist", () => {
  const evil = ["https://evil.example", "null", "http://127.0.0.1:1"];
  const endpoints = () => [
    ["/collab", `${server.url.replace("http", "ws")}/collab`],
    [
      "/yjs/<id>",
      `${server.url.replace("http", "ws")}/yjs/${fx.model.id}?token=${fx.model.tokens.viewer}`,
    ],
  ];
  it("refuses a disallowed Origin on both endpoints with 403", async () => {
    for (const [, url] of endpoints())
      for (const origin of evil) expect(await tryUpgrade(url as string, origin)).toBe(403);
  });
  it("accepts the server's own Origin and no Origin on both endpoints", async () => {
    for (const [, url] of endpoints()) {
      expect(await tryUpgrade(url as string, server.url)).toBe("open");
      expect(await tryUpgrade(url as string)).toBe("open");
    }
  });
});
