import type { Anchor, LogicModel } from "@logic-canvas/shared";
import { useMemo } from "react";
import type { PanelProps } from "../editor/panels/panel-props.ts";

export interface AnchorLabel {
  label: string;
  /** The card or link the thread was on is gone. */
  detached: boolean;
}

/** Names what a thread is about ("Whole model", a card's title, "Link A → B") in `model`. */
export function useAnchorLabels(model: LogicModel): (anchor: Anchor) => AnchorLabel {
  const nodeTitle = useMemo(() => new Map(model.nodes.map((n) => [n.id, n.title])), [model.nodes]);
  const edgeIds = useMemo(() => new Set(model.edges.map((e) => e.id)), [model.edges]);
  const edgeLabel = (id: string) => {
    const edge = model.edges.find((e) => e.id === id);
    if (!edge) return "a deleted link";
    return `${nodeTitle.get(edge.source) ?? "?"} → ${nodeTitle.get(edge.target) ?? "?"}`;
  };
  return (anchor: Anchor): AnchorLabel => {
    if (anchor.kind === "model") return { label: "Whole model", detached: false };
    if (anchor.kind === "edge")
      return { label: `Link ${edgeLabel(anchor.id)}`, detached: !edgeIds.has(anchor.id) };
    const title = nodeTitle.get(anchor.id);
    return { label: title ?? "a deleted card", detached: title === undefined };
  };
}

/** Where a new thread goes: the one selected card, else the one selected link, else the model. */
export function selectionAnchor(selection: PanelProps["selection"]): Anchor {
  const selectedNode = selection.nodeIds.length === 1 ? selection.nodeIds[0] : undefined;
  const selectedEdge =
    selection.nodeIds.length === 0 && selection.edgeIds.length === 1
      ? selection.edgeIds[0]
      : undefined;
  return selectedNode
    ? { kind: "node", id: selectedNode }
    : selectedEdge
      ? { kind: "edge", id: selectedEdge }
      : { kind: "model" };
}
