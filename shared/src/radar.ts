import type { PersonRef } from "./action-plan.ts";
import { INNOVATION_STAGES } from "./kinds.ts";
import type { LogicModel } from "./schema.ts";

/**
 * The innovation radar (seed 001, "Reviewing innovations"): a school's activities sorted by stage,
 * seed → blossom → fruit → withering → compost, and the overload rule that goes with it.
 */

export type InnovationStage = (typeof INNOVATION_STAGES)[number];

/** The seed's words for why overload is flagged. */
export const OVERLOAD_REASON =
  "Overload is the great enemy: “One of the greatest dangers to a successful improvement effort " +
  "is losing focus, which results from trying to take on more than we have the time and " +
  "resources to realistically achieve” (Schmoker, 1999). One new change at a time.";

/** More than this many activities in blossom (new, not yet producing) is overload. */
export const BLOSSOM_MAX_PER_OWNER = 1;

/** One activity on the board. `team` is the team workspace its model belongs to, if any. */
export interface RadarItem {
  modelId?: string;
  modelTitle?: string;
  nodeId: string;
  title: string;
  stage?: InnovationStage;
  owner?: PersonRef;
  team?: { id: string; name: string };
}

export interface Overload {
  kind: "person" | "team";
  id: string;
  name: string;
  /** The activities in blossom this person or team owns. */
  items: RadarItem[];
}

/** The items of a model as radar items (activities only). */
export function radarItemsOf(model: LogicModel): RadarItem[] {
  const items: RadarItem[] = [];
  for (const node of model.nodes) {
    if (node.kind !== "activity") continue;
    const item: RadarItem = { nodeId: node.id, title: node.title };
    if (node.stage) item.stage = node.stage;
    if (node.plan?.owner) item.owner = node.plan.owner;
    items.push(item);
  }
  return items;
}

/** Columns in stage order, plus the activities not yet sorted ("unsorted", first). */
export function radarColumns(
  items: readonly RadarItem[],
): { stage: InnovationStage | null; items: RadarItem[] }[] {
  const columns = [null, ...INNOVATION_STAGES].map((stage) => ({
    stage,
    items: items.filter((i) => (i.stage ?? null) === stage),
  }));
  return columns;
}

/**
 * Every person (by owner id, whatever name the cards carry) and every team owning more than
 * BLOSSOM_MAX_PER_OWNER activities in blossom; people first, then teams, each by name.
 */
export function overloads(items: readonly RadarItem[]): Overload[] {
  const groups = new Map<string, Overload>();
  const add = (kind: Overload["kind"], id: string, name: string, item: RadarItem) => {
    const key = `${kind}:${id}`;
    let group = groups.get(key);
    if (!group) {
      group = { kind, id, name, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  };
  for (const item of items) {
    if (item.stage !== "blossom") continue;
    if (item.owner) add("person", item.owner.id, item.owner.name, item);
    if (item.team) add("team", item.team.id, item.team.name, item);
  }
  return [...groups.values()]
    .filter((g) => g.items.length > BLOSSOM_MAX_PER_OWNER)
    .sort((a, b) =>
      a.kind !== b.kind ? (a.kind === "person" ? -1 : 1) : a.name.localeCompare(b.name),
    );
}
