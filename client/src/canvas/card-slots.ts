import type { LogicNode } from "@logic-canvas/shared";
import { type ComponentType, createContext, useContext } from "react";

/**
 * Where feature folders plug their marks into a card without canvas/ knowing them (as React
 * Flow itself takes node types): `Extras` renders at the end of the card's footer.
 * Give a stable value (a module-level object), or every card re-renders.
 */
export interface CardSlots {
  Extras?: ComponentType<{ id: string; node: LogicNode }>;
}

export const CardSlotsContext = createContext<CardSlots>({});

export function useCardSlots(): CardSlots {
  return useContext(CardSlotsContext);
}
