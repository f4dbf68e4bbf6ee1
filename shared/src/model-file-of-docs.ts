import type * as Y from "yjs";
import { readCafes } from "./cafe/doc.ts";
import { readCheckIns } from "./doc/check-ins.ts";
import { readModel } from "./doc/read.ts";
import { type ModelFile, toModelFile } from "./file-format.ts";
import { readReview } from "./review/read.ts";

/**
 * The model file of a model's two documents: the graph (cards, links, check-in dates) and the
 * review (comment threads and votes). The one way a model becomes a file, used by the server's
 * export and by the editor's "Model file" button, so the two can never differ. Links whose card
 * a concurrent delete removed are left out: they mean nothing, and the import would only report
 * them.
 */
export function modelFileOfDocs(graph: Y.Doc, review: Y.Doc): ModelFile {
  const model = readModel(graph);
  const ids = new Set(model.nodes.map((n) => n.id));
  const edges = model.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return toModelFile(
    { ...model, edges },
    { checkIns: readCheckIns(graph), review: readReview(review), ...cafesOf(review) },
  );
}

/** The café sessions, left out of the file when there are none (as a version-1 file has). */
function cafesOf(review: Y.Doc) {
  const cafes = readCafes(review);
  return cafes.length ? { cafes } : {};
}
