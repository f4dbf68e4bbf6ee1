import { type CafeSession, readCafes } from "@logic-canvas/shared";
import type { ReviewBinding } from "./review-binding.ts";

/**
 * The World Café sessions of the review document as plain data, for the café views (which never
 * see Yjs). Only the server writes them (server/src/cafe); a read is rebuilt once per update.
 */
export class CafeWatch {
  private sessions: CafeSession[];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly binding: ReviewBinding) {
    this.sessions = readCafes(binding.doc);
    binding.doc.on("update", this.refresh);
  }

  destroy(): void {
    this.binding.doc.off("update", this.refresh);
    this.listeners.clear();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CafeSession[] => this.sessions;

  private refresh = (): void => {
    this.sessions = readCafes(this.binding.doc);
    for (const listener of this.listeners) listener();
  };
}
