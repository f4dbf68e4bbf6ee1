import {
  type AnyType,
  edgesMap,
  entryFate,
  entryField,
  type GraphChange,
  graphChanges,
  nodesMap,
} from "@logic-canvas/shared";
import type * as Y from "yjs";

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
   *  `cycles` (a PDCA phase saved); for links `source`, `target`, `rationale`; for the model
   *  `title`, `masteryGoal`, `checkIns`, `mission`, `vision`, `values`. */
  fields: string[];
  /** A card's title after the change, or before it was removed. */
  title?: string;
}

/** A card's title, read even from a card this transaction deleted. */
function titleOf(nodes: AnyType, id: string): string | undefined {
  const value = entryField(nodes, id, "title");
  return typeof value === "string" ? value : undefined;
}

const definedKeys = (keys: ReadonlySet<string | null>) =>
  [...keys].filter((k): k is string => k !== null);

function nodeFields(path: string[], keys: ReadonlySet<string | null>): string[] {
  // path is [] for the card's own map, ["smart"], ["smart", "target"], or ["measurements"].
  if (path.length === 0) return definedKeys(keys);
  if (path[0] === "smart" && path.length === 1) return definedKeys(keys).map((k) => `smart.${k}`);
  if (path[0] === "smart") return [`smart.${path[1]}`];
  return [path[0] as string];
}

/** The model's own fields the log names; `schemaVersion` is bookkeeping, not a change. */
const MODEL_FIELDS = new Set(["title", "masteryGoal", "mission", "vision", "values"]);

type Subjects = ReturnType<typeof subjects>;

/** The summary entry of each subject, created on first use; fields kept without repeats. */
function subjects() {
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
  return { bySubject, subject, addFields };
}

/** A card or link set, replaced or removed at its collection. */
function noteEntry(
  tr: Y.Transaction,
  nodes: AnyType,
  edges: AnyType,
  change: GraphChange,
  s: Subjects,
) {
  if (change.subject !== "card" && change.subject !== "link") return;
  if (change.at !== "entry" || change.id === null) return;
  const collection = change.subject === "card" ? nodes : edges;
  const fate = entryFate(tr, collection, change.id);
  if (!fate) return;
  const summary = s.subject(change.subject === "card" ? "node" : "link", change.id);
  if (fate === "added") summary.added = true;
  else if (fate === "removed") summary.removed = true;
  else s.addFields(summary, ["*"]);
  if (change.subject === "card") summary.title = titleOf(nodes, change.id) ?? summary.title;
}

export function changesOf(tr: Y.Transaction, doc: Y.Doc): SubjectChange[] {
  const nodes = nodesMap(doc) as unknown as AnyType;
  const edges = edgesMap(doc) as unknown as AnyType;
  const s = subjects();
  for (const change of graphChanges(doc, tr.changed)) {
    if (change.subject === "outside") continue;
    if (change.at === "entry" && change.subject === "checkIn") {
      s.addFields(s.subject("model", null), ["checkIns"]);
    } else if (change.at === "entry") {
      noteEntry(tr, nodes, edges, change, s);
    } else if (change.subject === "meta" && change.path.length === 0) {
      const fields = [...change.keys].filter((k): k is string => k !== null && MODEL_FIELDS.has(k));
      if (fields.length) s.addFields(s.subject("model", null), fields);
    } else if (change.subject === "card" && change.id !== null) {
      const summary = s.subject("node", change.id);
      const path = change.path.filter((k): k is string => k !== null);
      s.addFields(summary, nodeFields(path, change.keys));
      summary.title = titleOf(nodes, change.id) ?? summary.title;
    } else if (change.subject === "link" && change.id !== null) {
      s.addFields(
        s.subject("link", change.id),
        [...change.keys].filter((k): k is string => !!k),
      );
    }
  }
  for (const change of s.bySubject.values()) change.fields.sort();
  return [...s.bySubject.values()].filter((c) => c.added || c.removed || c.fields.length > 0);
}
