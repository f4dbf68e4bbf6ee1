import { checkInsMap, edgesMap, metaMap, nodesMap } from "@logic-canvas/shared";
import * as Y from "yjs";
import type { AnyType } from "../gate/shadow.ts";

/**
 * What one transaction on a graph document changed, per subject (a card, a link, the model), read
 * from the transaction's own record of the types it touched. Its cost follows the size of the
 * edit, never of the model: this runs on every accepted update.
 */
export interface SubjectChange {
  subject: "node" | "link" | "model";
  subjectId: string | null;
  added: boolean;
  removed: boolean;
  /** Changed fields: `title`, `notes`, `kind`, `stage`, `position`, `measurements`,
   *  `smart.indicator`, `smart.unit`, `smart.cohortSize`, `smart.baseline`, `smart.target`;
   *  for links `source`, `target`, `rationale`; for the model `title`, `masteryGoal`, `checkIns`. */
  fields: string[];
  /** A card's title after the change, or before it was removed. */
  title?: string;
}

type AnyItem = Y.Item;

function existedBefore(tr: Y.Transaction, item: AnyItem): boolean {
  return item.id.clock < (tr.beforeState.get(item.id.client) ?? 0);
}

/** Added, removed, replaced (a new map under an existing key) or untouched, for a map entry. */
function entryFate(
  tr: Y.Transaction,
  item: AnyItem | undefined,
): "added" | "removed" | "replaced" | null {
  if (!item) return null;
  if (item.deleted) return existedBefore(tr, item) ? "removed" : null;
  if (existedBefore(tr, item)) return null;
  const left = item.left;
  const replaced = left !== null && existedBefore(tr, left) && Y.isDeleted(tr.deleteSet, left.id);
  return replaced ? "replaced" : "added";
}

/** A card's title, read even from a map this transaction deleted (its content is kept until the
 *  transaction's garbage collection, which runs after transaction observers). */
function titleOf(nodeItem: AnyItem | undefined): string | undefined {
  const content = nodeItem?.content;
  if (!(content instanceof Y.ContentType)) return undefined;
  const titleItem = (content.type as Y.Map<unknown>)._map.get("title");
  const value = titleItem?.content.getContent()[0];
  return typeof value === "string" ? value : undefined;
}

/** The entry of `root` that `type` is inside, and the keys from that entry down to `type`. */
function pathUnder(type: AnyType, root: AnyType): { id: string; path: string[] } | null {
  const path: string[] = [];
  let current: AnyType = type;
  while (current._item) {
    const item = current._item;
    const parent = item.parent as AnyType;
    if (parent === root) return item.parentSub === null ? null : { id: item.parentSub, path };
    if (item.parentSub !== null) path.unshift(item.parentSub);
    current = parent;
  }
  return null;
}

function nodeFields(path: string[], keys: Set<string | null>): string[] {
  // path is [] for the card's own map, ["smart"], ["smart", "target"], or ["measurements"].
  if (path.length === 0) return [...keys].filter((k): k is string => k !== null);
  if (path[0] === "smart" && path.length === 1)
    return [...keys].filter((k): k is string => k !== null).map((k) => `smart.${k}`);
  if (path[0] === "smart") return [`smart.${path[1]}`];
  return [path[0] as string];
}

export function changesOf(tr: Y.Transaction, doc: Y.Doc): SubjectChange[] {
  const nodes = nodesMap(doc) as unknown as AnyType;
  const edges = edgesMap(doc) as unknown as AnyType;
  const meta = metaMap(doc) as unknown as AnyType;
  const checkIns = checkInsMap(doc) as unknown as AnyType;
  const bySubject = new Map<string, SubjectChange>();
  const subject = (kind: SubjectChange["subject"], id: string | null): SubjectChange => {
    const key = `${kind}:${id ?? ""}`;
    let change = bySubject.get(key);
    if (!change) {
      change = { subject: kind, subjectId: id, added: false, removed: false, fields: [] };
      bySubject.set(key, change);
    }
    return change;
  };
  const addFields = (change: SubjectChange, fields: string[]) => {
    for (const field of fields) if (!change.fields.includes(field)) change.fields.push(field);
  };

  for (const [type, keys] of tr.changed as Map<AnyType, Set<string | null>>) {
    if (type === meta) {
      const fields = [...keys].filter((k): k is string => k === "title" || k === "masteryGoal");
      if (fields.length) addFields(subject("model", null), fields);
    } else if (type === checkIns) {
      addFields(subject("model", null), ["checkIns"]);
    } else if (type === nodes || type === edges) {
      const kind = type === nodes ? "node" : "link";
      for (const key of keys) {
        if (key === null) continue;
        const item = type._map.get(key);
        const fate = entryFate(tr, item);
        if (!fate) continue;
        const change = subject(kind, key);
        if (fate === "added") change.added = true;
        else if (fate === "removed") change.removed = true;
        else addFields(change, ["*"]);
        if (kind === "node") change.title = titleOf(item) ?? change.title;
      }
    } else {
      const inNode = pathUnder(type, nodes);
      if (inNode) {
        const change = subject("node", inNode.id);
        addFields(change, nodeFields(inNode.path, keys));
        change.title = titleOf(nodes._map.get(inNode.id)) ?? change.title;
        continue;
      }
      const inEdge = pathUnder(type, edges);
      if (inEdge)
        addFields(
          subject("link", inEdge.id),
          [...keys].filter((k): k is string => !!k),
        );
    }
  }
  for (const change of bySubject.values()) change.fields.sort();
  return [...bySubject.values()].filter((c) => c.added || c.removed || c.fields.length > 0);
}
