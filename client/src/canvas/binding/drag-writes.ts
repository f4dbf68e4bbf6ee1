import { laneX, moveNodes, updateNode } from "@logic-canvas/shared";
import type { NodePositionChange } from "@xyflow/react";
import { planDrop } from "../drag-tracker.ts";
import type { BindingContext } from "./context.ts";

/**
 * Dragging: the card follows the pointer locally; the document gets a bounded rate of position
 * writes, and the drop decides the card's lane (and so its kind) or says why it cannot move.
 */
export function applyDrag(ctx: BindingContext, changes: NodePositionChange[]): void {
  let ended = false;
  for (const change of changes) {
    const node = ctx.mirror.node(change.id);
    if (!node) continue;
    // A drag is one undo step, not merged with whatever was typed just before it.
    if (change.dragging && !ctx.drag.active) ctx.undo.stopCapturing();
    ctx.drag.move(change.id, change.position, node.position ?? { x: laneX(node.kind), y: 40 });
    if (change.dragging === false) ended = true;
    ctx.view.invalidateNode(change.id);
  }
  if (ended) finishDrag(ctx);
  else ctx.drag.schedule();
}

function finishDrag(ctx: BindingContext): void {
  const plan = planDrop(ctx.model(), ctx.drag.finish(), (id) => ctx.view.widthOf(id));
  ctx.doc.transact(() => {
    moveNodes(ctx.doc, plan.moves, ctx.origin);
    for (const { id, kind } of plan.kindChanges) updateNode(ctx.doc, id, { kind }, ctx.origin);
  }, ctx.origin);
  ctx.undo.stopCapturing();
  for (const message of plan.refusals) ctx.notify({ kind: "error", message });
}
