import type { NodeKind } from "@logic-canvas/shared";
import { createContext, useContext, useSyncExternalStore } from "react";

/**
 * How the reading tools (find, trace, filter) mark cards, links and lanes, read without canvas/
 * knowing those tools. A card subscribes to its own mark, a short string of space-separated
 * words ("found current", "upstream", "dimmed"), compared by value: when a keystroke in the find
 * bar changes the matches, only the cards whose mark changed re-render, not every card.
 */
export interface CardMarks {
  subscribe(listener: () => void): () => void;
  cardMark(id: string): string;
  linkMark(id: string): string;
  /** Why a lane shows fewer cards than it holds ("" when it shows them all). */
  laneNote(kind: NodeKind): string;
  /** The cards to draw, or null for all of them; the same object until it changes. */
  shownCards(): ReadonlySet<string> | null;
}

const NONE: CardMarks = {
  subscribe: () => () => {},
  cardMark: () => "",
  linkMark: () => "",
  laneNote: () => "",
  shownCards: () => null,
};

export const CardMarksContext = createContext<CardMarks>(NONE);

export function useCardMarks(): CardMarks {
  return useContext(CardMarksContext);
}

export function useCardMark(id: string): string {
  const marks = useCardMarks();
  return useSyncExternalStore(marks.subscribe, () => marks.cardMark(id));
}

export function useLinkMark(id: string): string {
  const marks = useCardMarks();
  return useSyncExternalStore(marks.subscribe, () => marks.linkMark(id));
}

export function useLaneNote(kind: NodeKind): string {
  const marks = useCardMarks();
  return useSyncExternalStore(marks.subscribe, () => marks.laneNote(kind));
}

export function useShownCards(): ReadonlySet<string> | null {
  const marks = useCardMarks();
  return useSyncExternalStore(marks.subscribe, () => marks.shownCards());
}
