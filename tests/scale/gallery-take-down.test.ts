import { galleryPostPath } from "@logic-canvas/shared";
import { afterEach, expect, it } from "vitest";
import { body, openRaw } from "../reliability/support/wire.ts";
import { call } from "../support/workspaces.ts";
import { galleryWorld } from "../workspaces/gallery-world.ts";
import { type Cluster, cluster } from "./cluster.ts";

/**
 * Taking a gallery post down on one process closes the sibling team's socket on the other: the
 * resync pass is set far beyond the test, so only the Redis `recheck-account` event can do it.
 */

let c: Cluster | undefined;
afterEach(async () => {
  await c?.stop();
  c = undefined;
});

it("a post taken down on one process closes a sibling's open socket on the other", async () => {
  c = cluster({ redisResyncMs: 600_000 });
  const a = await c.start();
  const b = await c.start();
  const w = await galleryWorld(a.url);
  const posted = await call(a.url, galleryPostPath(w.model.id), {
    method: "POST",
    cookie: w.ann.cookie,
    body: {},
  });
  expect(posted.status).toBe(201);
  const review = `${w.model.id}/review`;
  const socket = await openRaw(b.url, "collab", { cookie: w.ben.cookie });
  socket.send(review, body.auth(""));
  const ok = await socket.next((f) => f.kind === "auth-ok" && f.doc === review, "auth");
  expect(ok.kind === "auth-ok" && ok.scope).toBe("read-write");
  // The session message comes once the connection is registered (after the document loads):
  // only then can a re-check see it.
  await socket.next((f) => f.kind === "stateless" && f.doc === review, "the session message");

  const down = await call(a.url, galleryPostPath(w.model.id), {
    method: "DELETE",
    cookie: w.ann.cookie,
  });
  expect(down.status).toBe(200);
  const closed = await socket.next((f) => f.kind === "close" && f.doc === review, "the close");
  expect(closed.kind === "close" && closed.reason).toMatch(/^access-changed: /);
  await socket.end();
});
