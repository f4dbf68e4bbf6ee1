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
    const record = await store.getModel(modelId);
    return alignmentRefusal(store, index, writer.accountId, record?.workspaceId ?? null, added);
  };
}

/** The alignments a model file brings that its current content (if any) does not hold. */
export function newInFile(
  next: readonly { id: string; alignsTo?: readonly Alignment[] }[],
  current: readonly { id: string; alignsTo?: readonly Alignment[] }[] = [],
): Alignment[] {
  const had = new Map(
    current.map((n) => [
      n.id,
      new Set((n.alignsTo ?? []).map((a) => goalKey(a.modelId, a.cardId))),
    ]),
  );
  return next.flatMap((n) =>
    (n.alignsTo ?? []).filter((a) => !had.get(n.id)?.has(goalKey(a.modelId, a.cardId))),
  );
}

/** Why `accountId` may not add these alignments to a goal of a model in `workspaceId`; null if they may. */
export async function alignmentRefusal(
  store: Store,
  index: GoalIndex,
  accountId: string | null,
  workspaceId: string | null,
  added: readonly Alignment[],
): Promise<string | null> {
  if (added.length === 0) return null;
  if (!accountId)
    return "aligning a goal to a goal of another workspace needs you signed in, so the server can tell which goals you may see";
  if (!workspaceId)
    return "this model belongs to no workspace, so it has no workspace above to align to";
  const viewer = await WorkspaceViewer.load(store, { id: accountId } as Account);
  const scope = new CascadeScope(store, index, viewer);
  for (const a of added) {
    const r = await scope.resolve(workspaceId, a);
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
}
