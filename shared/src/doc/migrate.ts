import type * as Y from "yjs";
import { metaMap, SCHEMA_VERSION } from "./layout.ts";

/**
 * Steps that bring a document written by an older version of the app up to SCHEMA_VERSION.
 * Step N turns a version-N document into version N+1; add one for every layout change, never
 * edit an old one. Version 0 is a document from before versions were recorded: its layout is
 * version 1's, so the step only records the version.
 */
const STEPS: Record<number, (doc: Y.Doc) => void> = {
  0: () => {},
  /**
   * Layout 2 adds optional node fields (alignments up the cascade, and later features' fields);
   * a layout-1 document has none, so the step only records the version. An older app then
   * refuses the document as newer instead of reading fields it does not know.
   * Issue 17: a goal's `cycles` log (PDCA) and the model's `mission`, `vision`, `values` in meta.
   * Action plans: an activity's optional plain `plan` value (owner, start, due, status, reason).
   * Issue 17: the review document gains an optional `cafes` map (World Café, cafe/doc.ts).
   * - goal cards' `alignsTo`, a plain list of { modelId, cardId, note? } (shared/src/alignment.ts).
   * Issue 18: a goal's optional `subgroups` ([{ id, name, baseline?, target? }], at most 12) and a
   * measurement's optional `subgroup` (a subgroup's id); without them, everything is the whole group.
   * - a goal's optional `owner` ({ id, name }, like an action plan's owner).
   */
  1: () => {},
};

/** A stored layout version this app cannot read (newer, or not a layout version at all). */
export class UnreadableLayoutError extends Error {}

export class NewerSchemaError extends UnreadableLayoutError {
  constructor(readonly version: number) {
    super(
      `it was saved by a newer version of Logic Canvas (layout ${version}; this one reads up to ${SCHEMA_VERSION})`,
    );
  }
}

/** Short, so it fits a WebSocket close reason; never echoes the stored value at length. */
function describe(value: unknown): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "not a number";
  if (typeof value === "string") return "text";
  return value === null ? "empty" : typeof value === "object" ? "a structure" : typeof value;
}

/**
 * The document's layout version: a whole number from 0 to SCHEMA_VERSION (a document from before
 * versions were recorded has none, which is 0). Anything else is refused, never looped over:
 * a version of -2^60 would otherwise mean 2^60 migration steps.
 */
export function docSchemaVersion(doc: Y.Doc): number {
  const version = metaMap(doc).get("schemaVersion");
  if (version === undefined) return 0;
  if (typeof version === "number" && Number.isInteger(version) && version > SCHEMA_VERSION) {
    throw new NewerSchemaError(version);
  }
  if (typeof version !== "number" || !Number.isInteger(version) || version < 0) {
    throw new UnreadableLayoutError(
      `its layout version is ${describe(version)}, not a whole number from 0 to ${SCHEMA_VERSION}`,
    );
  }
  return version;
}

/**
 * Migrates in one transaction; returns whether anything changed. Throws UnreadableLayoutError
 * (NewerSchemaError for a newer layout) before changing anything when the version is not one
 * this app reads, so the number of steps is at most SCHEMA_VERSION.
 */
export function migrateDoc(doc: Y.Doc, origin: unknown): boolean {
  const from = docSchemaVersion(doc);
  if (from === SCHEMA_VERSION) return false;
  doc.transact(() => {
    for (let version = from; version < SCHEMA_VERSION; version += 1) STEPS[version]?.(doc);
    metaMap(doc).set("schemaVersion", SCHEMA_VERSION);
  }, origin);
  return true;
}
