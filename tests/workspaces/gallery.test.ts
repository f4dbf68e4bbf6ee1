import {
  type GalleryAnswer,
  galleryPath,
  galleryPostPath,
  readReview,
  startThread,
  toModelFile,
} from "@logic-canvas/shared";
import { afterAll, beforeAll, expect, it } from "vitest";
import { body, openRaw, type RawClient } from "../reliability/support/wire.ts";
import {
  acknowledged,
  type Client,
  connect,
  startTestServer,
  synced,
  type TestServer,
  waitFor,
} from "../support/index.ts";
import { call, createModelIn } from "../support/workspaces.ts";
import { type GalleryWorld, galleryWorld } from "./gallery-world.ts";

/**
 * The gallery walk's permissions: only a model's owner posts it to the gallery above its team;
 * posting lets the sibling teams' members comment, never edit; nobody else gains anything; and
 * taking the post down takes the role away, on open connections too.
 */

let server: TestServer;
let w: GalleryWorld;
beforeAll(async () => {
  server = await startTestServer();
  w = await galleryWorld(server.url);
});
afterAll(async () => {
  await server?.stop();
});

const post = (cookie?: string, modelId = w.model.id) =>
  call(w.url, galleryPostPath(modelId), { method: "POST", cookie, body: {} });
const takeDown = (cookie?: string) =>
  call(w.url, galleryPostPath(w.model.id), { method: "DELETE", cookie });
const readModel = (cookie: string) => call(w.url, `/api/models/${w.model.id}`, { cookie });
async function gallery(cookie: string): Promise<GalleryAnswer> {
  const response = await call(w.url, galleryPath(w.school.id), { cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as GalleryAnswer;
}
async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

/** A signed-in socket on `doc` by cookie alone; resolves with the scope the server gave. */
async function signedIn(
  cookie: string,
  doc: string,
): Promise<{ client: RawClient; scope: string }> {
  const client = await openRaw(w.url, "collab", { cookie });
  client.send(doc, body.auth(""));
  const ok = await client.next((f) => f.kind === "auth-ok" && f.doc === doc, `auth on ${doc}`);
  // Registered (so a re-check sees it) once the session message arrives.
  await client.next((f) => f.kind === "stateless" && f.doc === doc, `the session on ${doc}`);
  return { client, scope: ok.kind === "auth-ok" ? ok.scope : "" };
}

it("only the model's owner posts it, to the gallery of its team's school", async () => {
  const byMember = await post(w.amy.cookie);
  expect(byMember.status).toBe(403);
  expect((await errorOf(byMember)).message).toMatch(/owner role/);
  expect((await post(w.ben.cookie)).status).toBe(403);
  expect((await post()).status).toBe(401);
  expect(await server.store.gallery.postOf(w.model.id)).toBeUndefined();
  // Before the post, a sibling team has no role on the model at all.
  expect((await readModel(w.ben.cookie)).status).toBe(403);

  const posted = await post(w.ann.cookie);
  expect(posted.status).toBe(201);
  const answer = (await posted.json()) as { galleryId: string; postedAt: string };
  expect(answer.galleryId).toBe(w.school.id);
  const again = await post(w.ann.cookie);
  expect(again.status).toBe(200);
  expect(((await again.json()) as { postedAt: string }).postedAt).toBe(answer.postedAt);

  // A district's model has no gallery above it: refused in words, nothing stored.
  const top = await createModelIn(w.url, w.admin, w.district.id, { title: "District plan" });
  const refused = await post(w.admin, top.id);
  expect(refused.status).toBe(409);
  expect((await errorOf(refused)).message).toMatch(/no gallery above it/);
  expect(await server.store.gallery.postOf(top.id)).toBeUndefined();
});

it("shows the post to the school's teams as a one-page summary; only the owner may take it down", async () => {
  const seen = await gallery(w.ben.cookie);
  expect(seen.workspace).toMatchObject({ id: w.school.id, kind: "school" });
  expect(seen.posts).toHaveLength(1);
  const card = seen.posts[0];
  expect(card).toMatchObject({
    modelId: w.model.id,
    workspaceName: "Grade 3",
    postedByName: "Ann",
    role: "commenter",
    canTakeDown: false,
  });
  expect(card?.summary?.goals.length).toBeGreaterThan(0);
  expect(card?.summary?.lanes.map((l) => l.kind)).toEqual([
    "input",
    "activity",
    "smallWin",
    "midJourney",
    "longTerm",
  ]);
  expect(seen.postable).toEqual([]);
  const mine = await gallery(w.ann.cookie);
  expect(mine.posts[0]).toMatchObject({ role: "owner", canTakeDown: true });
  const other = await createModelIn(w.url, w.ann.cookie, w.teamA.id, { title: "Writing plan" });
  expect((await gallery(w.ann.cookie)).postable.map((m) => m.id)).toEqual([other.id]);
});

it("lets a sibling team's member comment but not edit, over HTTP and the socket", async () => {
  const read = await readModel(w.ben.cookie);
  expect(read.status).toBe(200);
  expect(await read.json()).toMatchObject({ id: w.model.id, role: "commenter" });
  const edit = await call(w.url, `/api/models/${w.model.id}/content`, {
    method: "PUT",
    cookie: w.ben.cookie,
    body: toModelFile({ title: "Taken over", masteryGoal: "", nodes: [], edges: [] }),
  });
  expect(edit.status).toBe(403);
  expect((await errorOf(edit)).message).toMatch(/editor role or higher; yours is commenter/);
  const graph = await signedIn(w.ben.cookie, w.model.id);
  expect(graph.scope).toBe("readonly");
  await graph.client.end();

  const review = `${w.model.id}/review`;
  const ben = connect(server, review, "", undefined, w.ben.cookie);
  const ann = connect(server, review, w.model.tokens.owner);
  try {
    await Promise.all([synced(ben), synced(ann)]);
    startThread(
      ben.doc,
      {
        anchor: { kind: "model" },
        type: "idea",
        text: "Our grade used paired reading logs for this: happy to share them.",
        author: { id: w.ben.id, name: w.ben.name, role: "commenter" },
      },
      "local",
    );
    await acknowledged(ben);
    await waitFor(() => readReview(ann.doc).threads.length === 1, "team A to see the comment");
    expect(readReview(ann.doc).threads[0]?.messages[0]).toMatchObject({
      text: "Our grade used paired reading logs for this: happy to share them.",
      author: { id: w.ben.id, name: "Ben", role: "commenter" },
    });
    expect(ben.closes).toEqual([]);
  } finally {
    ben.destroy();
    ann.destroy();
  }
});

it("gives nothing to a team of another school or to another district", async () => {
  for (const person of [w.cal, w.oz]) {
    const response = await readModel(person.cookie);
    expect(response.status).toBe(403);
    expect((await errorOf(response)).message).toMatch(/no role on this model/);
    const page = await call(w.url, galleryPath(w.school.id), { cookie: person.cookie });
    expect(page.status).toBe(404);
    const socket = await openRaw(w.url, "collab", { cookie: person.cookie });
    socket.send(`${w.model.id}/review`, body.auth(""));
    const denied = await socket.next((f) => f.kind === "auth-denied", "the refusal");
    expect(denied.kind === "auth-denied" && denied.reason).toMatch(/^no-access: /);
    await socket.end();
  }
});

it("taking the post down closes the sibling's open connections and ends their access", async () => {
  const graph = await signedIn(w.ben.cookie, w.model.id);
  const review = `${w.model.id}/review`;
  const reviewClient: Client = connect(server, review, "", undefined, w.ben.cookie);
  await synced(reviewClient);

  const bySibling = await takeDown(w.ben.cookie);
  expect(bySibling.status).toBe(403);
  expect((await takeDown(w.amy.cookie)).status).toBe(403);
  const down = await takeDown(w.ann.cookie);
  expect(down.status).toBe(200);

  const closed = await graph.client.next(
    (f) => f.kind === "close" && f.doc === w.model.id,
    "the graph socket's close",
  );
  expect(closed.kind === "close" && closed.reason).toMatch(/^access-changed: /);
  await graph.client.end();
  await waitFor(
    () => reviewClient.closes.some((r) => r.startsWith("access-changed")),
    "the review provider to be closed",
  );
  reviewClient.destroy();

  expect((await readModel(w.ben.cookie)).status).toBe(403);
  expect((await gallery(w.ben.cookie)).posts).toEqual([]);
  const again = await openRaw(w.url, "collab", { cookie: w.ben.cookie });
  again.send(review, body.auth(""));
  const denied = await again.next((f) => f.kind === "auth-denied", "the refusal");
  expect(denied.kind === "auth-denied" && denied.reason).toMatch(/^no-access: /);
  await again.end();
  expect((await takeDown(w.ann.cookie)).status).toBe(404);
});
