import { edgesMap, MAX_MEASUREMENTS, readModel, validateModel } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { connect, synced, waitFor } from "../../support/index.ts";
import { useServerProcess } from "../../support/server-process.ts";
import { ANY_FILE, attempt, measurements, model, node, rawCard } from "./graph-writer.ts";

/**
 * Issue 12, 1d and the graph half of 1e: a backward link is refused wherever one writer causes
 * it (drawing it, creating the card at its end, changing that card's kind, importing a file);
 * one that only merging produces is stored and reported by `validateModel`. Caps hold at write.
 */

const server = useServerProcess({ limits: { apiRequestsPerSecond: 10_000 } });

function link(doc: Y.Doc, id: string, source: string, target: string): void {
  const map = new Y.Map<unknown>();
  edgesMap(doc).set(id, map);
  map.set("id", id);
  map.set("source", source);
  map.set("target", target);
}

describe("backward links caused by one writer are refused", () => {
  it("refuses creating the card at the end of a waiting link so that it runs backward", async () => {
    const target = await model(server);
    // A link to a card that does not exist yet is what a concurrent delete leaves: accepted.
    expect(await attempt(server, target, (d) => link(d, "wait", "win", "later"))).toBeNull();
    const refusal = await attempt(server, target, (d) =>
      rawCard(d, "later", { kind: "input", title: "Created later" }),
    );
    expect(refusal).toMatch(/^invalid-write: .*links backward/);
  });

  it("refuses changing a card's kind so that one of its links runs backward", async () => {
    const target = await model(server);
    const refusal = await attempt(server, target, (d) => node(d, "win").set("kind", "input"));
    expect(refusal).toMatch(/^invalid-write: .*backward|within the same column/);
    // A move that keeps every link forward is still accepted.
    expect(await attempt(server, target, (d) => node(d, "win").set("kind", "longTerm"))).toBeNull();
  });

  it("refuses the second of two concurrent edits that together would make a link backward", async () => {
    const target = await model(server);
    // Peer A, offline, links the activity to the mid-journey goal...
    const first = connect(server, target.id, target.tokens.editor);
    await synced(first);
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(first.doc));
    first.destroy();
    link(offline, "late", "act", "mid");
    // ...while peer B moves that goal to the inputs (valid: it has no links yet).
    expect(await attempt(server, target, (d) => node(d, "mid").set("kind", "input"))).toBeNull();
    // The server applies writes one at a time: A's link lands on the card as it now is.
    const back = connect(server, target.id, target.tokens.editor, offline);
    await waitFor(() => back.closes.length > 0, "A's link to be refused");
    back.destroy();
    expect(back.closes[0]).toMatch(/^invalid-write: .*backward/);
    const stored = connect(server, target.id, target.tokens.viewer);
    await synced(stored);
    expect(validateModel(readModel(stored.doc)).errors).toEqual([]);
    stored.destroy();
  });
});

describe("the gate's index of each card's links", () => {
  it("knows links the server itself wrote (content replacement) while the document was open", async () => {
    const target = await model(server);
    // A viewer keeps the document open; a first write builds the server's shadow of it...
    const viewer = connect(server, target.id, target.tokens.viewer);
    await synced(viewer);
    expect(await attempt(server, target, (d) => node(d, "mid").set("notes", "open"))).toBeNull();
    // ...then the owner replaces the content with one more link, to the mid-journey goal.
    const file = {
      ...ANY_FILE,
      edges: [...ANY_FILE.edges, { id: "e3", source: "win", target: "mid" }],
    };
    const replaced = await fetch(`${server.url}/api/models/${target.id}/content`, {
      method: "PUT",
      headers: {
        "Content-Type": "application/json",
        Authorization: `Bearer ${target.tokens.owner}`,
      },
      body: JSON.stringify(file),
    });
    expect(replaced.status).toBeLessThan(300);
    await waitFor(() => edgesMap(viewer.doc).has("e3"), "the viewer to see the new link");
    const refusal = await attempt(server, target, (d) => node(d, "mid").set("kind", "smallWin"));
    viewer.destroy();
    expect(refusal).toMatch(/^invalid-write: .*within the same column/);
  });
});

describe("files are refused for a backward link or a self link, at its place", () => {
  const withEdges = (edges: object[]) => ({ ...ANY_FILE, edges: [...ANY_FILE.edges, ...edges] });
  for (const [what, edge] of [
    ["backward", { id: "b", source: "win", target: "act" }],
    ["to itself", { id: "s", source: "act", target: "act" }],
  ] as const) {
    it(`refuses a link ${what} on import and on content replacement`, async () => {
      const created = await fetch(`${server.url}/api/models`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(withEdges([edge])),
      });
      expect(created.status).toBe(400);
      const body = await created.text();
      expect(body).toContain("edges[2]");
      expect(body).toMatch(/backward|itself/);
      const target = await model(server);
      const replaced = await fetch(`${server.url}/api/models/${target.id}/content`, {
        method: "PUT",
        headers: {
          "Content-Type": "application/json",
          Authorization: `Bearer ${target.tokens.owner}`,
        },
        body: JSON.stringify(withEdges([edge])),
      });
      expect(replaced.status).toBe(400);
      expect(await replaced.text()).toContain("edges[2]");
    });
  }
});

describe("caps hold at write time", () => {
  const entries = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ date: "2026-01-05", value: i }));

  it(`refuses measurement ${MAX_MEASUREMENTS + 1} on a goal, and any on an input`, async () => {
    const target = await model(server);
    const refusal = await attempt(server, target, (d) =>
      measurements(d, "win").push(entries(MAX_MEASUREMENTS + 1)),
    );
    expect(refusal).toMatch(/at most 10,000 measurements/);
    const onInput = await attempt(server, target, (d) =>
      measurements(d, "in").push(entries(MAX_MEASUREMENTS + 1)),
    );
    expect(onInput).toMatch(/^invalid-write: .*measurements/);
    expect(
      await attempt(server, target, (d) => measurements(d, "win").push(entries(3))),
    ).toBeNull();
  });
});
