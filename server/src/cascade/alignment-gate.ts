import {
  type Account,
  type Alignment,
  alignsToSchema,
  goalKey,
  nodesMap,
} from "@logic-canvas/shared";
import * as Y from "yjs";
import type { ConnectionContext } from "../access/context.ts";
import type { Store } from "../storage/types.ts";
import { WorkspaceViewer } from "../workspaces/viewer.ts";
import type { GoalIndex } from "./goal-index.ts";
import { CascadeScope } from "./scope.ts";

/**
 * Who may align a goal to what, checked where every alignment is written: the write gate (a
 * client's update) and the alignments route (the API) both call `alignmentRefusal`. A person may
 * add an alignment only to a goal they may see (their workspace role gives them a role on its
 * model) in a workspace above the card's model's. Alignments already stored are never checked
 * again: they stay, and the readers report them as broken when they lead nowhere.
 */

export type AlignmentCheck = (
  writer: Pick<ConnectionContext, "accountId">,
  modelId: string,
  added: readonly Alignment[],
) => Promise<string | null>;

function storedAlignments(doc: Y.Doc, cardId: string): Alignment[] {
  const node = nodesMap(doc).get(cardId);
  if (!(node instanceof Y.Map)) return [];
  const parsed = alignsToSchema.safeParse(node.get("alignsTo"));
  return parsed.success ? parsed.data : [];
}

/** The alignments `after` holds on these cards that `before` does not. */
export function addedAlignments(
  before: Y.Doc,
  after: Y.Doc,
  cardIds: Iterable<string>,
): Alignment[] {
  const added: Alignment[] = [];
  for (const id of cardIds) {
    const had = new Set(storedAlignments(before, id).map((a) => goalKey(a.modelId, a.cardId)));
    for (const a of storedAlignments(after, id))
      if (!had.has(goalKey(a.modelId, a.cardId))) added.push(a);
  }
  return added;
}

export function alignmentChecker(store: Store, index: GoalIndex): AlignmentCheck {
  return async (writer, modelId, added) => {
    if (added.length === 0) return null;
    if (!writer.accountId)
      return "aligning a goal to a goal of another workspace needs you signed in, so the server can tell which goals you may see";
    const record = await store.getModel(modelId);
    if (!record?.workspaceId)
      return "this model belongs to no workspace, so it has no workspace above to align to";
    const viewer = await WorkspaceViewer.load(store, { id: writer.accountId } as Account);
    const scope = new CascadeScope(store, index, viewer);
    for (const a of added) {
      const r = await scope.resolve(record.workspaceId, a);
      if (r.broken === null) continue;
      const what = `goal ${a.cardId} of model ${a.modelId}`;
      switch (r.broken) {
        case "not-visible":
        case "model-deleted":
          return `there is no ${what} that you may see; align only to goals you may see in the workspaces above`;
        case "archived":
          return `the ${what} is in an archived workspace`;
        case "moved":
          return `the ${what} is not in a workspace above this model's; a goal aligns to goals of the levels above it`;
        case "goal-deleted":
          return `model ${a.modelId} has no goal ${a.cardId}`;
      }
    }
    return null;
  };
}
