import { type ReactFlowInstance, useReactFlow } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { layoutWithinLanes } from "../canvas/auto-layout.ts";
import { allCards } from "../canvas/cull/whole-model.ts";
import { fitCardIds, fitModel } from "../canvas/fit-model.ts";
import type { BindingSnapshot, Notice, YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import type { CollabSession } from "../collab/session.ts";

/** The editor's state that is not drawn by one component alone, one hook a concern. */

export type ShownNotice = Notice & { id: number };

/** The binding's notices as toasts: at most three, each gone after six seconds. */
export function useNotices(binding: YjsFlowBinding | null): ShownNotice[] {
  const [notices, setNotices] = useState<ShownNotice[]>([]);
  const notify = useCallback((notice: Notice) => {
    const id = Date.now() + Math.random();
    setNotices((list) => [...list.slice(-2), { ...notice, id }]);
    setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), 6000);
  }, []);
  useEffect(() => binding?.onNotice(notify), [binding, notify]);
  return notices;
}

export interface Selection {
  nodeIds: string[];
  edgeIds: string[];
}

/** What is selected on the canvas, shared with the others present (cards only). */
export function useSharedSelection(session: CollabSession, snapshot: BindingSnapshot): Selection {
  const selection = useMemo(() => {
    const nodeIds = snapshot.nodes.filter((n) => n.selected).map((n) => n.id);
    const edgeIds = snapshot.edges.filter((e) => e.selected).map((e) => e.id);
    return { nodeIds, edgeIds };
  }, [snapshot.nodes, snapshot.edges]);
  const selectionKey = selection.nodeIds.join(",");
  useEffect(() => {
    session.presence.setSelection(selectionKey ? selectionKey.split(",") : []);
  }, [session, selectionKey]);
  return selection;
}

/**
 * Selects cards and links and brings them (with a link's two ends) into view. The function stays
 * the same while the model changes (it reads the links when called): it is part of the review
 * context every card's review badges read, and a new one at each change (a collaborator dragging
 * a card: 12 a second) re-rendered the badges of every mounted card.
 */
export function useFocusElements(
  binding: YjsFlowBinding | null,
  snapshot: BindingSnapshot,
): (nodeIds: string[], edgeIds?: string[]) => void {
  const flow = useReactFlow();
  const edges = useRef(snapshot.model.edges);
  edges.current = snapshot.model.edges;
  return useCallback(
    (nodeIds: string[], edgeIds: string[] = []) => {
      if (!binding) return;
      const ids = new Set(nodeIds);
      for (const edge of edges.current)
        if (edgeIds.includes(edge.id)) ids.add(edge.source).add(edge.target);
      binding.select(nodeIds, edgeIds);
      if (ids.size) fitCardIds(flow, ids, { duration: 300, maxZoom: 1.1, padding: 0.4 });
    },
    [binding, flow],
  );
}

/** Lays the cards out within their lanes, from their measured sizes, then fits the view. */
export function useAutoLayout(
  binding: YjsFlowBinding | null,
  snapshot: BindingSnapshot,
  flow: ReactFlowInstance,
): () => Promise<void> {
  return useCallback(async () => {
    if (!binding) return;
    const sizes = new Map(
      allCards(flow).flatMap((n) =>
        n.measured?.width && n.measured.height
          ? [[n.id, { width: n.measured.width, height: n.measured.height }] as const]
          : [],
      ),
    );
    binding.applyLayout(layoutWithinLanes(snapshot.model, sizes));
    setTimeout(() => fitModel(flow, { maxZoom: 1 }), 50);
  }, [binding, flow, snapshot.model]);
}
