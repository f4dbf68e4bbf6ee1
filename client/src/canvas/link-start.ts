import { useSyncExternalStore } from "react";

/**
 * The card a keyboard link starts from while its target is being picked (L on a selected card).
 * A store so that the page's shortcut handler can start it and the canvas draw the picker.
 */
let from: string | null = null;
const listeners = new Set<() => void>();

export function startLinkFrom(id: string | null): void {
  from = id;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLinkFrom(): string | null {
  return useSyncExternalStore(subscribe, () => from);
}
