import { NODE_KINDS, type NodeKind } from "@logic-canvas/shared";
import { useEffect } from "react";
import { kindNoun } from "../canvas/flow-types.ts";
import type { ReadingStore } from "./reading-store.ts";
import type { ChainSummary } from "./reading-view.ts";
import { useReadingView } from "./use-reading.ts";

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "3 inputs, 4 activities": what leads to the traced card, lane by lane. */
function upstreamWords(upstream: Record<NodeKind, number>): string {
  const parts = NODE_KINDS.filter((kind) => upstream[kind] > 0).map((kind) => {
    const noun = kindNoun(kind);
    return plural(upstream[kind], noun, kind === "activity" ? "activities" : `${noun}s`);
  });
  return parts.length === 0 ? "nothing leads to it" : `${parts.join(", ")} lead to it`;
}

function chainWords(chain: ChainSummary): string {
  const after =
    chain.downstreamCount === 0
      ? "it leads to nothing yet"
      : `it leads to ${plural(chain.downstreamCount, "card", "cards")}`;
  return `${upstreamWords(chain.upstream)}; ${after}.`;
}

function isTextField(el: Element | null): boolean {
  return (
    !!el &&
    ((el as HTMLElement).isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName))
  );
}

/**
 * A band above the canvas: while a card's chain is traced (one card selected), what leads to it
 * and what it leads to, with "Show only this chain", and "Show all" once only the chain is drawn.
 */
export function ChainBar({ store }: { store: ReadingStore }) {
  const { chain } = useReadingView(store);
  const only = chain?.only ?? false;
  useEffect(() => {
    if (!only) return;
    // Esc clears the selection (the shortcut help says so); a chain shown alone is part of what
    // was selected, so it goes too. Not while typing (find's field uses Esc itself); dialogs stop
    // their keys from reaching the window.
    function onKey(event: KeyboardEvent) {
      if (event.key !== "Escape" || isTextField(document.activeElement)) return;
      store.showAll();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [only, store]);
  // The bar keeps its band while no chain is traced, so the canvas never moves under the
  // pointer when a card is selected (a move in mid-drag would lose the link being drawn).
  if (!chain)
    return (
      <div className="chain-bar is-idle" role="status">
        <span className="chain-words">
          Select a card to trace what leads to it and what it leads to.
        </span>
      </div>
    );
  return (
    <div className="chain-bar" role="status" data-testid="chain-bar">
      <span className="chain-words" title={`${chain.title}: ${chainWords(chain)}`}>
        <strong>
          {chain.only ? "Only the chain of" : "Chain of"} “{chain.title}”:
        </strong>{" "}
        {chainWords(chain)}
      </span>
      {chain.only ? (
        <button type="button" className="primary" onClick={() => store.showAll()}>
          Show all
        </button>
      ) : (
        <button type="button" onClick={() => store.showOnlyChain()}>
          Show only this chain
        </button>
      )}
    </div>
  );
}
