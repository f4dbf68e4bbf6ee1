import { createContext, useContext } from "react";

/**
 * Whether this person may change the graph. One value for the whole editor, read where it is
 * needed (cards, canvas, panels) rather than copied into every card's data or passed down.
 */
export const ReadOnlyContext = createContext(false);

export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}
