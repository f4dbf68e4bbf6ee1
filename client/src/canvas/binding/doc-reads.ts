import {
  edgesMap,
  metaMap,
  nodesMap,
  readCheckIns,
  readEdge,
  readNode,
  readPurpose,
} from "@logic-canvas/shared";
import * as Y from "yjs";
import type { DragTracker } from "../drag-tracker.ts";
import type { FlowView } from "../flow-view.ts";
import type { ModelMirror } from "../model-mirror.ts";
import type { Touched } from "./doc-observer.ts";

interface Parts {
  doc: Y.Doc;
  mirror: ModelMirror;
  view: FlowView;
  drag: DragTracker;
}

/** Reads the whole document into the mirror (a new binding). */
export function readAll({ doc, mirror }: Pick<Parts, "doc" | "mirror">): void {
  for (const [id, map] of nodesMap(doc)) readNodeEntry(mirror, id, map);
  for (const [id, map] of edgesMap(doc)) readEdgeEntry(mirror, id, map);
  readMeta(doc, mirror);
  mirror.checkIns = readCheckIns(doc);
}

/**
 * Re-reads what a transaction touched into the mirror, and drops the React Flow objects built
 * from it (`FlowView`), so the next build makes them again and leaves the rest as they were.
 */
export function readTouched({ doc, mirror, view, drag }: Parts, touched: Touched): void {
  const nodes = nodesMap(doc);
  for (const id of touched.cards) {
    readNodeEntry(mirror, id, nodes.get(id));
    // A collaborator's change to a card I am dragging must not yank it from under my cursor.
    if (nodes.has(id)) view.invalidateNode(id);
    else {
      view.forgetNode(id);
      drag.forget(id);
    }
  }
  const edges = edgesMap(doc);
  for (const id of touched.links) {
    readEdgeEntry(mirror, id, edges.get(id));
    if (edges.has(id)) view.invalidateEdge(id);
    else view.forgetEdge(id);
  }
  if (touched.meta) readMeta(doc, mirror);
  if (touched.checkIns) mirror.checkIns = readCheckIns(doc);
}

function readMeta(doc: Y.Doc, mirror: ModelMirror): void {
  const meta = metaMap(doc);
  mirror.setMeta(meta.get("title"), meta.get("masteryGoal"), readPurpose(doc));
}
function readNodeEntry(mirror: ModelMirror, id: string, map: unknown): void {
  mirror.setNode(id, map instanceof Y.Map ? readNode(map) : undefined);
}
function readEdgeEntry(mirror: ModelMirror, id: string, map: unknown): void {
  mirror.setEdge(id, map instanceof Y.Map ? readEdge(map) : undefined);
}
