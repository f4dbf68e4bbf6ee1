import { expect, it } from "vitest";
import { connect, createModel, synced } from "../../support/index.ts";
import { useServerProcess } from "../../support/server-process.ts";
import { body, type Frame, openRaw, type RawClient } from "../support/wire.ts";

/**
 * A viewer link (handed to a crowd, or held by a script) must not fill a model's connection cap
 * alone: 201 connections from one viewer socket once shut the owner and the editors out. Each
 * link gets a share of the cap; the refusal says so; the share comes back when they hang up.
 */

const PER_DOCUMENT = 20;
const PER_LINK = 10;
const server = useServerProcess({
  limits: {
    maxConnectionsPerModel: PER_DOCUMENT,
    maxConnectionsPerLink: PER_LINK,
  },
});

const outcome = (f: Frame) => f.kind === "auth-ok" || f.kind === "auth-denied";

/** Sockets that each ask for up to 4 sessions of `doc` with `token`; the answers they got. */
async function flood(doc: string, token: string, sockets: number) {
  const clients: RawClient[] = [];
  const answers: Frame[] = [];
  for (let s = 0; s < sockets; s++) {
    const raw = await openRaw(server.url, "collab");
    clients.push(raw);
    for (let k = 0; k < 4; k++) {
      const address = `${doc}\0s${s}-${k}`;
      raw.send(address, body.auth(token));
      answers.push(await raw.next((f) => outcome(f) && f.doc === address, `auth on ${address}`));
    }
  }
  return { clients, answers };
}

it("one viewer link holding connections from many sockets leaves room for the owner and the editors", async () => {
  const model = await createModel(server.url);
  const { clients, answers } = await flood(model.id, model.tokens.viewer, PER_DOCUMENT / 2);
  const opened = answers.filter((f) => f.kind === "auth-ok").length;
  const refused = answers.filter((f) => f.kind === "auth-denied");
  console.log(`viewer link: ${opened} connections opened, ${refused.length} refused`);

  const owner = connect(server, model.id, model.tokens.owner);
  const editor = connect(server, model.id, model.tokens.editor);
  let failure: string | null = null;
  try {
    await synced(owner);
    await synced(editor);
  } catch {
    failure = `owner ${JSON.stringify(owner.authFailures)}, editor ${JSON.stringify(editor.authFailures)}`;
  }
  owner.destroy();
  editor.destroy();
  for (const c of clients) await c.end();

  expect(failure, "the owner and an editor connect").toBeNull();
  expect(opened).toBe(PER_LINK);
  for (const f of refused)
    if (f.kind === "auth-denied") expect(f.reason).toMatch(/^too-many-on-link: /);
});

it("a link's share comes back once its connections close", async () => {
  const model = await createModel(server.url);
  const first = await flood(model.id, model.tokens.viewer, 3);
  expect(first.answers.filter((f) => f.kind === "auth-ok").length).toBe(PER_LINK);
  for (const c of first.clients) await c.end();
  // The server sees the sockets close a moment later.
  await new Promise((r) => setTimeout(r, 500));
  const again = await flood(model.id, model.tokens.viewer, 3);
  expect(again.answers.filter((f) => f.kind === "auth-ok").length).toBe(PER_LINK);
  for (const c of again.clients) await c.end();
});
