import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  docSchemaVersion,
  metaMap,
  migrateDoc,
  NewerSchemaError,
  SCHEMA_VERSION,
  UnreadableLayoutError,
} from "../src/index.ts";

function docWithVersion(version: unknown): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set("title", "Plan");
    if (version instanceof Y.AbstractType) meta.set("schemaVersion", version);
    else if (version !== undefined) meta.set("schemaVersion", version as number);
  });
  return doc;
}

describe("migrating a stored layout version", () => {
  it("refuses a huge negative version at once, without a step per version", () => {
    const doc = docWithVersion(-(2 ** 60));
    const started = Date.now();
    expect(() => migrateDoc(doc, "m")).toThrow(UnreadableLayoutError);
    expect(() => migrateDoc(doc, "m")).toThrow(/not a whole number from 0 to/);
    // Refused before the loop: on the original code this call never returns.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(metaMap(doc).get("schemaVersion")).toBe(-(2 ** 60));
  });

  it.each([
    ["negative", -1, "-1"],
    ["fractional", 0.5, "0.5"],
    ["not a number", Number.NaN, "not a number"],
    ["infinite", Number.NEGATIVE_INFINITY, "not a number"],
    ["text", "1", "text"],
    ["empty", null, "empty"],
    ["a boolean", true, "boolean"],
    ["a structure", { v: 1 }, "a structure"],
    ["a shared type", new Y.Text("1"), "a structure"],
  ])("refuses a version that is %s, naming it in words", (_, version, words) => {
    const doc = docWithVersion(version);
    expect(() => docSchemaVersion(doc)).toThrow(UnreadableLayoutError);
    expect(() => migrateDoc(doc, "m")).toThrow(`its layout version is ${words}`);
  });

  it("refuses newer and huge positive versions as newer", () => {
    for (const version of [SCHEMA_VERSION + 1, 2 ** 60]) {
      const doc = docWithVersion(version);
      expect(() => migrateDoc(doc, "m")).toThrow(NewerSchemaError);
      expect(() => migrateDoc(doc, "m")).toThrow(UnreadableLayoutError);
    }
  });

  it("still migrates every version it reads, a missing one as 0", () => {
    for (const version of [undefined, 0]) {
      const doc = docWithVersion(version);
      expect(docSchemaVersion(doc)).toBe(0);
      expect(migrateDoc(doc, "m")).toBe(true);
      expect(metaMap(doc).get("schemaVersion")).toBe(SCHEMA_VERSION);
    }
    expect(migrateDoc(docWithVersion(SCHEMA_VERSION), "m")).toBe(false);
  });
});
