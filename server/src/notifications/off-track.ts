import {
  type AnyType,
  type GoalStatusName,
  isGoalKind,
  isUnreadable,
  type LogicNode,
  lineage,
  nodesMap,
  offTrackStatusOf,
  readNode,
  todayIso,
  type WentOffTrack,
  wentOffTrack,
} from "@logic-canvas/shared";
import * as Y from "yjs";
import type { Person } from "../access/identity.ts";
import type { Draft } from "./service.ts";

/**
 * "A goal they own going off track": each graph document keeps the status of its goals, and
 * after every transaction re-judges only the cards it touched. A goal that a client's change
 * turned off track rings its owner, unless the owner made the change. The statuses follow every
 * transaction (other processes', the server's own) so "before" is always the document's last.
 */

/** The ids of the cards a transaction changed, leaving out cards it only moved (a drag). */
export function touchedCards(
  doc: Y.Doc,
  tr: Y.Transaction,
  nodes: AnyType = nodesMap(doc),
): Set<string> {
  const ids = new Set<string>();
  for (const [type, keys] of tr.changed) {
    if (type === nodes) {
      for (const key of keys) if (key !== null) ids.add(key);
      continue;
    }
    // A card's own map (most edits, every drag) is read without walking up the tree.
    const item = type._item;
    if (item?.parent === nodes && typeof item.parentSub === "string") {
      if (!onlyPosition(keys)) ids.add(item.parentSub);
      continue;
    }
    const { root, steps } = lineage(type as AnyType);
    const id = steps[0]?.key;
    if (root !== nodes || !id) continue;
    if (steps.length === 1 && [...keys].every((key) => key === "position")) continue;
    ids.add(id);
  }
  return ids;
}

function onlyPosition(keys: Set<string | null>): boolean {
  for (const key of keys) if (key !== "position") return false;
  return true;
}

export class OffTrackWatch {
  private readonly statuses = new Map<string, GoalStatusName | null>();
  private readonly nodes: AnyType;

  constructor(
    private readonly doc: Y.Doc,
    private readonly today: () => string = todayIso,
  ) {
    this.nodes = nodesMap(doc);
    const day = this.today();
    for (const [id, map] of nodesMap(doc)) {
      if (!(map instanceof Y.Map) || !isGoalKind(map.get("kind") as LogicNode["kind"])) continue;
      const node = readNode(map);
      if (!isUnreadable(node)) this.statuses.set(id, offTrackStatusOf(node, day));
    }
  }

  /** The goals this transaction turned off track; remembers every touched card's status. */
  after(tr: Y.Transaction): WentOffTrack[] {
    const ids = touchedCards(this.doc, tr, this.nodes);
    if (ids.size === 0) return [];
    const day = this.today();
    const nodes: LogicNode[] = [];
    for (const id of ids) {
      const map = nodesMap(this.doc).get(id);
      const node = map instanceof Y.Map ? readNode(map) : null;
      if (node && !isUnreadable(node)) nodes.push(node);
      else this.statuses.delete(id);
    }
    const went = wentOffTrack(this.statuses, nodes, day);
    for (const node of nodes) this.statuses.set(node.id, offTrackStatusOf(node, day));
    return went;
  }
}

/**
 * One item for the owner of each goal that went off track, from the writer. The key names the
 * transition by the document's state after it (the sum of its clocks, which never goes back), so the
 * same transition is stored once however it is seen, and a later fall is a new item.
 */
export function offTrackDrafts(
  modelId: string,
  went: readonly WentOffTrack[],
  writer: Person,
  tr: Y.Transaction,
): Draft[] {
  let stamp = 0;
  for (const clock of tr.afterState.values()) stamp += clock;
  const drafts: Draft[] = [];
  for (const { node, words } of went) {
    const owner = node.owner;
    if (!owner || owner.id === writer.id) continue;
    drafts.push({
      personId: owner.id,
      kind: "offTrack",
      dedupeKey: `offTrack:${modelId}:${node.id}:${stamp}`,
      modelId,
      from: { id: writer.id, name: writer.name },
      excerpt: words,
      nodeId: node.id,
    });
  }
  return drafts;
}
