import type { Hocuspocus } from "@hocuspocus/server";
import {
  type LogicModel,
  type ModelFile,
  modelFileOfDocs,
  readCheckIns,
  readModel,
} from "@logic-canvas/shared";
import * as Y from "yjs";
import { graphDocName, reviewDocName } from "../documents/doc-names.ts";
import { applyStored } from "../documents/persistence.ts";
import type { Store } from "../storage/types.ts";
import { ModelUnavailableError } from "./models.ts";

/**
 * One of a model's documents for reading: the live copy when it is loaded (it holds nothing that
 * is not already stored), else a fresh copy built from the store; `release` frees that copy.
 */
async function openForRead(
  store: Store,
  hocuspocus: Hocuspocus,
  name: string,
): Promise<{ doc: Y.Doc; release: () => void }> {
  const live = hocuspocus.documents.get(name);
  if (live && !live.isLoading) return { doc: live, release: () => undefined };
  const stored = await store.loadDocument(name);
  if (!stored) throw new ModelUnavailableError(`document ${name} is not stored`);
  const doc = new Y.Doc();
  try {
    applyStored(doc, stored);
  } catch (error) {
    doc.destroy();
    throw new ModelUnavailableError(`document ${name} could not be read: ${String(error)}`);
  }
  return { doc, release: () => doc.destroy() };
}

/** Reads one of a model's documents (see `openForRead`). */
export async function readDocument<T>(
  store: Store,
  hocuspocus: Hocuspocus,
  name: string,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  const { doc, release } = await openForRead(store, hocuspocus, name);
  try {
    return read(doc);
  } finally {
    release();
  }
}

/** The model's content without its review: the graph and its check-in dates. */
export function readGraphContent(
  store: Store,
  hocuspocus: Hocuspocus,
  modelId: string,
): Promise<{ model: LogicModel; checkIns: string[] }> {
  return readDocument(store, hocuspocus, graphDocName(modelId), (doc) => ({
    model: readModel(doc),
    checkIns: readCheckIns(doc),
  }));
}

/** The whole model as a file (shared's `modelFileOfDocs`, the editor's export too). */
export async function readModelFile(
  store: Store,
  hocuspocus: Hocuspocus,
  modelId: string,
): Promise<ModelFile> {
  const graph = await openForRead(store, hocuspocus, graphDocName(modelId));
  try {
    return await readDocument(store, hocuspocus, reviewDocName(modelId), (review) =>
      modelFileOfDocs(graph.doc, review),
    );
  } finally {
    graph.release();
  }
}
