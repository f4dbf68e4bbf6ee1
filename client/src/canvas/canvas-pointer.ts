import type { NodeKind } from "@logic-canvas/shared";
import { type ReactFlowInstance, useReactFlow, type Viewport } from "@xyflow/react";
import { type MouseEvent, useCallback, useEffect } from "react";
import type { CardNode } from "./flow-types.ts";
import { cardAt } from "./overview-draw.ts";
import { createCardToEdit, zoomToCard } from "./title-edit.ts";
import { laneAt, type YjsFlowBinding } from "./yjs-flow-binding.ts";

/**
 * What the pointer does on the canvas outside React Flow's own handling: a double-click on the
 * empty pane makes a card in the lane under it, and the cursor's flow position goes to presence.
 * Apart from `Canvas` so that its body is the layout, not the event arithmetic.
 */
export function useCanvasPointer(
  binding: YjsFlowBinding,
  readOnly: boolean,
  onCursor: (position: { x: number; y: number } | null) => void,
) {
  const flow = useReactFlow();
  const create = useCallback(
    (kind: NodeKind, y?: number) => {
      createCardToEdit(binding, flow, kind, y === undefined ? undefined : { x: 0, y });
    },
    [binding, flow],
  );

  /** `overview`: the cards drawn as shapes when zoomed out, where a double-click zooms in. */
  function onDoubleClick(event: MouseEvent, overview?: readonly CardNode[]) {
    const target = event.target as HTMLElement;
    if (!target.classList.contains("react-flow__pane")) return;
    const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const shape = overview && cardAt(overview, at);
    if (shape) {
      binding.select([shape]);
      zoomToCard(flow, shape);
      return;
    }
    if (readOnly) return;
    create(laneAt(at.x), at.y - 30);
  }

  /** Zoomed out, a click on a card's shape selects it (the shapes are drawn, not DOM nodes). */
  function onPaneClick(event: MouseEvent, overview?: readonly CardNode[]) {
    const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const id = overview && cardAt(overview, at);
    // After React Flow's own reaction to a pane click, which clears the selection of the cards
    // it holds: those near the view only, so the binding clears the rest (or selects a shape).
    queueMicrotask(() => {
      if (id) binding.select([id]);
      else if (binding.selection().nodeIds.length || binding.selection().edgeIds.length)
        binding.select([]);
    });
  }

  function onMouseMove(event: MouseEvent) {
    onCursor(flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  }

  return { create, onDoubleClick, onPaneClick, onMouseMove, onMouseLeave: () => onCursor(null) };
}

/** While following someone, the view moves with theirs (a short glide, not a jump). */
export function useFollowViewport(flow: ReactFlowInstance, followed: Viewport | undefined): void {
  useEffect(() => {
    if (followed) void flow.setViewport(followed, { duration: 150 });
  }, [flow, followed]);
}
