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
};

export function docSchemaVersion(doc: Y.Doc): number {
  const version = metaMap(doc).get("schemaVersion");
  return typeof version === "number" ? version : 0;
}

export class NewerSchemaError extends Error {
  constructor(readonly version: number) {
    super(
      `This model was saved by a newer version of Logic Canvas (layout ${version}; this one reads up to ${SCHEMA_VERSION}). Reload to update.`,
    );
  }
}

/** Migrates in one transaction; returns whether anything changed. */
export function migrateDoc(doc: Y.Doc, origin: unknown): boolean {
  let version = docSchemaVersion(doc);
  if (version > SCHEMA_VERSION) throw new NewerSchemaError(version);
  if (version === SCHEMA_VERSION) return false;
  doc.transact(() => {
    while (version < SCHEMA_VERSION) {
      STEPS[version]?.(doc);
      version += 1;
    }
    metaMap(doc).set("schemaVersion", SCHEMA_VERSION);
  }, origin);
  return true;
}
