import { docSchemaVersion } from "@logic-canvas/shared";
import * as Y from "yjs";
import type { StoredDocument } from "../storage/types.ts";
import { parseDocName } from "./doc-names.ts";

/**
 * What recovering a stored document that cannot be loaded writes to the store: new content
 * (`write`) on top of as much of the stored state as still reads. Keeping that state matters
 * beyond tidiness: a page that held the model before keeps its copy (in IndexedDB) and syncs it
 * when it reconnects; changes the server still knows merge under the recovery, while changes it
 * had dropped would come back as if new.
 */
export interface Recovery {
  /** A snapshot to replace the stored log with, when that log does not read whole. */
  replaceLogWith: Uint8Array | null;
  /** The new content, as an update on top of what is kept. */
  update: Uint8Array;
  /** Stored parts (snapshot or updates) that did not read and were left out. */
  dropped: number;
}

export function recoverStored(
  name: string,
  stored: StoredDocument,
  write: (doc: Y.Doc) => void,
): Recovery {
  const isGraph = parseDocName(name)?.kind === "graph";
  for (const keep of [wholeLog, readableParts, nothing]) {
    const doc = new Y.Doc();
    try {
      const { dropped, replace } = keep(doc, stored);
      const base = replace ? Y.encodeStateAsUpdate(doc) : null;
      const before = Y.encodeStateVector(doc);
      write(doc);
      if (isGraph) docSchemaVersion(doc); // throws unless the result loads
      return { replaceLogWith: base, update: Y.encodeStateAsUpdate(doc, before), dropped };
    } catch {
      // Try keeping less.
    } finally {
      doc.destroy();
    }
  }
  throw new Error(`no content could be written for ${name}`);
}

type Keep = (doc: Y.Doc, stored: StoredDocument) => { dropped: number; replace: boolean };

/** The log reads (only its content is refused, e.g. a bad layout version): keep all of it. */
const wholeLog: Keep = (doc, stored) => {
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update.data);
  });
  return { dropped: 0, replace: false };
};

/** Each stored part on its own; those Yjs cannot read are left out. */
const readableParts: Keep = (doc, stored) => {
  let dropped = 0;
  const parts = [
    ...(stored.snapshot ? [stored.snapshot] : []),
    ...stored.updates.map((u) => u.data),
  ];
  for (const part of parts) {
    try {
      Y.applyUpdate(doc, part);
    } catch {
      dropped += 1;
    }
  }
  return { dropped, replace: true };
};

const nothing: Keep = (_doc, stored) => ({
  dropped: (stored.snapshot ? 1 : 0) + stored.updates.length,
  replace: true,
});
