import { metaMap, nodesMap, readModel, SCHEMA_VERSION } from "@logic-canvas/shared";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { CreatedModel } from "../../support/index.ts";
import { acknowledged, connect, synced, waitFor } from "../../support/index.ts";
import { useServerProcess } from "../../support/server-process.ts";
import {
  attempt,
  downloadedBytes,
  edge,
  MB3,
  measurements,
  model,
  node,
  rawCard,
  smart,
} from "./graph-writer.ts";

/**
 * Issue 12, 1c and the gate half of 1a: a value is stored only if the readers read it where it
 * is written, with the type they expect, under a key the layout names (shared doc/fields.ts).
 * Every refusal here was accepted before the field table; a refused change stores nothing.
 */

let target: CreatedModel;
const server = useServerProcess({ limits: { apiRequestsPerSecond: 10_000 } });
beforeAll(async () => {
  target = await model(server);
});

const refused = (change: (doc: Y.Doc) => void, options?: { gc?: boolean }) =>
  attempt(server, target, change, options);

describe("values the readers ignore or reject are refused", () => {
  const cases: [string, (doc: Y.Doc) => void, RegExp][] = [
    ["a stage on an input card", (d) => node(d, "in").set("stage", "seed"), /stage/],
    [
      "a new input card with a stage",
      (d) => rawCard(d, "new1", { kind: "input", title: "New", stage: "fruit" }),
      /stage/,
    ],
    ["an indicator on an activity", (d) => smart(d, "act").set("indicator", "x"), /indicator/],
    [
      "a baseline value on an input",
      (d) => (smart(d, "in").get("baseline") as Y.Map<unknown>).set("value", 3),
      /value/,
    ],
    [
      "a measurement on an input",
      (d) => measurements(d, "in").push([{ date: "2026-01-05", value: 3 }]),
      /measurements/,
    ],
    ["a number indicator", (d) => smart(d, "win").set("indicator", 42), /indicator/],
    ["a text cohort size", (d) => smart(d, "win").set("cohortSize", "30"), /cohortSize/],
    ["a Y.Text unit", (d) => smart(d, "win").set("unit", new Y.Text("percent")), /unit/],
    [
      "a measurement with an extra key",
      (d) => measurements(d, "win").push([{ date: "2026-01-05", value: 3, by: "me" }]),
      /measurements/,
    ],
    [
      "a measurement with a number date",
      (d) => measurements(d, "win").push([{ date: 20260105, value: 3 }]),
      /measurements/,
    ],
    [
      "a measurement with a text value",
      (d) => measurements(d, "win").push([{ date: "2026-01-05", value: "3" }]),
      /measurements/,
    ],
    ["a Y.Text card title", (d) => node(d, "act").set("title", new Y.Text("Hi")), /title/],
    ["a Y.XmlFragment in notes", (d) => node(d, "act").set("notes", new Y.XmlFragment()), /notes/],
    ["a Y.Text model title", (d) => metaMap(d).set("title", new Y.Text("Hi")), /title/],
    ["a Y.Map as a rationale", (d) => edge(d, "e1").set("rationale", new Y.Map()), /rationale/],
  ];
  for (const [what, change, pattern] of cases) {
    it(`refuses ${what}`, async () => {
      const refusal = await refused(change);
      expect(refusal).toMatch(/^invalid-write: /);
      expect(refusal).toMatch(pattern);
    });
  }
});

describe("3 MB in keys nobody reads is refused, wherever it is written", () => {
  const cases: [string, (doc: Y.Doc) => void][] = [
    ["the model's details", (d) => metaMap(d).set("junk", MB3)],
    ["a card", (d) => node(d, "act").set("junk", MB3)],
    ["a SMART target", (d) => smart(d, "win").set("junk", MB3)],
    ["a baseline", (d) => (smart(d, "win").get("baseline") as Y.Map<unknown>).set("junk", MB3)],
    [
      "a measurement",
      (d) => measurements(d, "win").push([{ date: "2026-01-05", value: 3, junk: MB3 }]),
    ],
    ["a link", (d) => edge(d, "e1").set("junk", MB3)],
    ["a new root map", (d) => d.getMap("junk").set("junk", MB3)],
    ["the SMART map of an input", (d) => smart(d, "in").set("indicator", MB3)],
  ];
  for (const [where, change] of cases) {
    it(`refuses it in ${where}`, async () => {
      expect(await refused(change)).toMatch(/^invalid-write: /);
      expect(await downloadedBytes(server, target.id, target.tokens.viewer)).toBeLessThan(100_000);
    });
  }

  it("refuses 3 MB overwritten within the same change (its bytes would still be stored)", async () => {
    const refusal = await refused(
      (d) => {
        node(d, "act").set("notes", MB3);
        node(d, "act").set("notes", "short");
      },
      { gc: false },
    );
    expect(refusal).toMatch(/notes must be at most/);
  });
});

describe("what clients write is still accepted", () => {
  it("keeps empty goal structure on every card and values on goals", async () => {
    const accepted = await refused((d) => {
      const card = rawCard(d, "fresh", { kind: "input", title: "Fresh" });
      card.set("smart", new Y.Map());
      card.set("measurements", new Y.Array());
      smart(d, "win").set("indicator", "Coaches observed");
      smart(d, "win").set("unit", "percent");
      measurements(d, "win").push([{ date: "2026-01-05", value: 3, note: "first" }]);
      node(d, "act").set("stage", "blossom");
    });
    expect(accepted).toBeNull();
  });

  it("accepts a kind change that meets a concurrent stage: the merged stage is ignored", async () => {
    const own = await model(server);
    // Peer A goes offline with the model, moves the activity to the inputs...
    const first = connect(server, own.id, own.tokens.editor);
    await synced(first);
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(first.doc));
    first.destroy();
    node(offline, "solo").set("kind", "input");
    node(offline, "solo").delete("stage");
    // ...while peer B, online, gives it a stage; then A reconnects and sends its move.
    expect(await attempt(server, own, (d) => node(d, "solo").set("stage", "fruit"))).toBeNull();
    const back = connect(server, own.id, own.tokens.editor, offline);
    await synced(back);
    await acknowledged(back);
    expect(back.closes).toEqual([]);
    const act = readModel(offline).nodes.find((n) => n.id === "solo");
    expect(act?.kind).toBe("input");
    expect(act?.stage).toBeUndefined();
    back.destroy();
  });
});

describe("the layout version (1a, gate half)", () => {
  for (const value of [-(2 ** 60), -1, 0, SCHEMA_VERSION + 1, 0.5, "1"]) {
    it(`refuses schemaVersion ${String(value)}`, async () => {
      const refusal = await refused((d) => metaMap(d).set("schemaVersion", value));
      expect(refusal).toMatch(/^invalid-write: .*schemaVersion/);
    });
  }
  it("accepts the current version", async () => {
    expect(await refused((d) => metaMap(d).set("schemaVersion", SCHEMA_VERSION))).toBeNull();
  });
});

describe("writes into cards that no longer exist", () => {
  it("refuses 3 MB written into a card deleted by an earlier change", async () => {
    const own = await model(server);
    const client = connect(server, own.id, own.tokens.editor, new Y.Doc({ gc: false }));
    await synced(client);
    const solo = node(client.doc, "solo");
    nodesMap(client.doc).delete("solo");
    await acknowledged(client);
    expect(client.closes).toEqual([]);
    // Yjs turns a write into a collected card into a placeholder, but the bytes came with it.
    solo.set("notes", MB3);
    await waitFor(
      () => client.closes.length > 0 || client.provider.unsyncedChanges === 0,
      "the write to be refused or acknowledged",
    );
    client.destroy();
    expect(client.closes[0]).toMatch(/^invalid-write: .*no longer exist/);
  });
});
