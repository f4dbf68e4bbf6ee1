import { type ReactFlowInstance, useReactFlow } from "@xyflow/react";
import { type FocusEvent, type KeyboardEvent, useState } from "react";
import { cardTowards, focusCard, isArrowKey, readingOrder } from "./card-navigation.ts";
import type { CardNode } from "./flow-types.ts";
import { bringIntoView, requestTitleEdit, zoomToCard } from "./title-edit.ts";
import type { YjsFlowBinding } from "./yjs-flow-binding.ts";

function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

function cardIdOf(target: EventTarget | null): string | undefined {
  return (target as HTMLElement | null)?.closest<HTMLElement>(".card")?.dataset.nodeId;
}

/** Selects a card, moves the view to it if it is off screen, and gives it keyboard focus. */
function goTo(binding: YjsFlowBinding, flow: ReactFlowInstance, id: string): void {
  binding.select([id]);
  bringIntoView(flow, id);
  focusCard(id);
}

/**
 * The canvas as one Tab stop: Tab lands on the selected card (or the first in lane order), the
 * arrow keys move between cards in lane order, Enter edits the focused card's title. The
 * container leaves the Tab order while a card inside has focus, so Shift+Tab leaves the canvas
 * instead of landing on the container again.
 */
export function useCanvasKeys(
  binding: YjsFlowBinding,
  nodes: readonly CardNode[],
  readOnly: boolean,
  /** Zoomed out, cards are shapes: Enter zooms in to the selected one. */
  zoomedOut: boolean,
) {
  const flow = useReactFlow();
  const [cardFocused, setCardFocused] = useState(false);

  function onFocus(event: FocusEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) {
      setCardFocused(!!cardIdOf(event.target));
      return;
    }
    // A click on the empty pane focuses the container too; only a keyboard arrival moves on.
    if (!event.currentTarget.matches(":focus-visible")) return;
    const selected = binding.selection().nodeIds[0];
    const first = selected ?? readingOrder(nodes)[0]?.id;
    if (first) goTo(binding, flow, first);
  }

  function onBlur(event: FocusEvent<HTMLDivElement>) {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setCardFocused(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (inTextField(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    const current = cardIdOf(event.target) ?? binding.selection().nodeIds[0];
    if (isArrowKey(event.key)) {
      const next = current ? cardTowards(nodes, current, event.key) : readingOrder(nodes)[0];
      event.preventDefault();
      if (next) goTo(binding, flow, next.id);
    } else if (event.key === "Enter" && current && zoomedOut) {
      event.preventDefault();
      zoomToCard(flow, current);
      focusCard(current, 60);
    } else if (event.key === "Enter" && current && cardIdOf(event.target) && !readOnly) {
      event.preventDefault();
      requestTitleEdit(current);
    }
  }

  return {
    tabIndex: cardFocused ? -1 : 0,
    onFocus,
    onBlur,
    onKeyDown,
  };
}
