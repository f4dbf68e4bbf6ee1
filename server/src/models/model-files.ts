import type { Hocuspocus } from "@hocuspocus/server";
import {
  type LogicModel,
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

/** The whole model as a file: graph, check-in dates, and the review document's comments and votes. */
export async function readModelFile(
  store: Store,
  hocuspocus: Hocuspocus,
  modelId: string,
): Promise<ModelFile> {
  const graph = await readGraphContent(store, hocuspocus, modelId);
  const review = await readDocument(store, hocuspocus, reviewDocName(modelId), readReview);
  return toModelFile(graph.model, { checkIns: graph.checkIns, review });
}
