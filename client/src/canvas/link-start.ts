import { useSyncExternalStore } from "react";

/**
 * The card a keyboard link starts from while its target is being picked (L on a selected card).
 * A store so that the page's shortcut handler can start it and the canvas draw the picker.
 */
let from: string | null = null;
/** The target highlighted in the picker, outlined on the canvas. */
let target: string | null = null;
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

export function startLinkFrom(id: string | null): void {
  from = id;
  if (!id) target = null;
  changed();
}

export function highlightLinkTarget(id: string | null): void {
  if (target === id) return;
  target = id;
  changed();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLinkFrom(): string | null {
  return useSyncExternalStore(subscribe, () => from);
}

export function useIsLinkTarget(id: string): boolean {
  return useSyncExternalStore(subscribe, () => target === id);
}
