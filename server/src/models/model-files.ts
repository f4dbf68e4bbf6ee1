import type { Hocuspocus } from "@hocuspocus/server";
import {
  type ModelFile,
  readCheckIns,
  readModel,
  readReview,
  toModelFile,
} from "@logic-canvas/shared";
import * as Y from "yjs";
import { graphDocName, reviewDocName } from "../documents/doc-names.ts";
import { applyStored } from "../documents/persistence.ts";
import type { Store } from "../storage/types.ts";
import { ModelUnavailableError } from "./models.ts";

/**
 * Reads one of a model's documents: the live copy when it is loaded (it holds nothing that is not
 * already stored), else a fresh copy built from the store.
 */
export async function readDocument<T>(
  store: Store,
  hocuspocus: Hocuspocus,
  name: string,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  const live = hocuspocus.documents.get(name);
  if (live && !live.isLoading) return read(live);
  const stored = await store.loadDocument(name);
  if (!stored) throw new ModelUnavailableError(`document ${name} is not stored`);
  const doc = new Y.Doc();
  try {
    applyStored(doc, stored);
    return read(doc);
  } catch (error) {
    throw new ModelUnavailableError(`document ${name} could not be read: ${String(error)}`);
  } finally {
    doc.destroy();
  }
}

/** The whole model as a file: graph, check-in dates, and the review document's comments and votes. */
export async function readModelFile(
  store: Store,
  hocuspocus: Hocuspocus,
  modelId: string,
): Promise<ModelFile> {
  const graph = await readDocument(store, hocuspocus, graphDocName(modelId), (doc) => ({
    model: readModel(doc),
    checkIns: readCheckIns(doc),
  }));
  const review = await readDocument(store, hocuspocus, reviewDocName(modelId), readReview);
  return toModelFile(graph.model, { checkIns: graph.checkIns, review });
}
