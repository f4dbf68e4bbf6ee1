import { useEffect, useRef } from "react";
import type { BindingSnapshot } from "../canvas/yjs-flow-binding.ts";

/**
 * Opens on the card a link names (`/m/<id>?card=<card id>`, as inbox items lead): once that card
 * is in the document, it is selected and brought into view, once per page load, so the person
 * lands where the mention or answer was. A card that is not there (deleted since) is ignored.
 */
export function useCardFromLink(
  snapshot: BindingSnapshot,
  focusElements: (nodeIds: string[]) => void,
): void {
  const wanted = useRef(new URLSearchParams(window.location.search).get("card"));
  useEffect(() => {
    const id = wanted.current;
    if (!id || !snapshot.nodes.some((n) => n.id === id)) return;
    wanted.current = null;
    // After the first render of the cards, so the view can fit them.
    setTimeout(() => focusElements([id]), 50);
  }, [snapshot.nodes, focusElements]);
}
