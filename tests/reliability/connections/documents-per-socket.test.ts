import { CONNECTION_LIMITS } from "@logic-canvas/shared";
import { expect, it } from "vitest";
import { createModel } from "../../support/index.ts";
import { useServerProcess } from "../../support/server-process.ts";
import { body, type Frame, openRaw } from "../support/wire.ts";

/**
 * One socket may hold only a few documents (a page needs two): Hocuspocus multiplexes documents
 * on a socket, and each one opened costs the server the whole document in memory (and seconds of
 * loading for a large one). An attack opened 600 on one socket.
 */

// A burst large enough to ask for every document at once: this is about the document cap,
// not the message rate (an attacker can also ask slowly).
const server = useServerProcess({ limits: { messageBurst: 2_000 } });

const MODELS = 300;
const authOutcome = (f: Frame) => f.kind === "auth-ok" || f.kind === "auth-denied";

it(`one socket asking for ${MODELS * 2} documents gets ${CONNECTION_LIMITS.documentsPerSocket}; the rest are refused with a reason`, async () => {
  const models = [];
  for (let i = 0; i < MODELS; i += 25) {
    models.push(...(await Promise.all(Array.from({ length: 25 }, () => createModel(server.url)))));
  }
  const before = await server.stats();
  const raw = await openRaw(server.url, "collab");
  const names = models.flatMap((m) => [m.id, `${m.id}/review`]);
  // In batches of 50, as an attacker would: Hocuspocus itself drops a socket with more than 100
  // documents waiting for authentication at once.
  for (let start = 0; start < names.length; start += 50) {
    for (const [i, name] of names.slice(start, start + 50).entries()) {
      raw.send(name, body.auth(models[Math.floor((start + i) / 2)]?.tokens.viewer as string));
    }
    await raw.next(
      () => raw.frames.filter(authOutcome).length >= Math.min(start + 50, names.length),
      `answers to the documents up to ${start + 50}`,
    );
  }
  await new Promise((r) => setTimeout(r, 500));
  const after = await server.stats();
  const opened = raw.frames.filter((f) => f.kind === "auth-ok").length;
  const refused = raw.frames.filter((f) => f.kind === "auth-denied");
  console.log(
    `${names.length} documents asked on one socket: ${opened} opened, ${refused.length} refused; ` +
      `server documents ${after.documents}, RSS ${before.rssMB.toFixed(0)} → ${after.rssMB.toFixed(0)} MB ` +
      `(peak ${after.peakRssMB.toFixed(0)}), loop delay max ${after.maxDelayMs.toFixed(0)} ms`,
  );
  expect(opened).toBe(CONNECTION_LIMITS.documentsPerSocket);
  expect(refused.length).toBe(names.length - CONNECTION_LIMITS.documentsPerSocket);
  for (const f of refused)
    if (f.kind === "auth-denied") expect(f.reason).toMatch(/^too-many-documents: /);
  expect(raw.closed, "the socket itself stays open").toBeNull();

  // Closing one document frees its place for another.
  const first = names[0] as string;
  raw.send(first, body.close());
  await raw.next((f) => f.kind === "close" && f.doc === first, "the first document to close");
  const from = raw.frames.length;
  const next = names[names.length - 1] as string;
  raw.send(next, body.auth(models[MODELS - 1]?.tokens.viewer as string));
  const answer = await raw.next((f) => authOutcome(f) && f.doc === next, "the answer", from);
  expect(answer.kind).toBe("auth-ok");
  await raw.end();
});

it("a page's two documents (graph and review) open on one socket", async () => {
  const model = await createModel(server.url);
  const raw = await openRaw(server.url, "collab");
  for (const name of [model.id, `${model.id}/review`]) {
    raw.send(name, body.auth(model.tokens.editor));
    const answer = await raw.next((f) => authOutcome(f) && f.doc === name, `auth on ${name}`);
    expect(answer.kind).toBe("auth-ok");
  }
  await raw.end();
});
