import { PENDING_REASONS_MAX } from "@logic-canvas/shared";

/** The key's model and author part: counts are kept per person per model. */
const ownerOf = (key: string) => key.slice(0, key.lastIndexOf("\u0000"));

/**
 * Reasons that wait for the change they explain, keyed model/author/card, with a count per
 * person per model so that one editor cannot park an unbounded number of them in memory (each
 * would also become a log entry of its own when it expires).
 */
export class PendingReasons<PendingReason> {
  private readonly byKey = new Map<string, PendingReason>();
  private readonly counts = new Map<string, number>();

  get(key: string): PendingReason | undefined {
    return this.byKey.get(key);
  }

  /** False when the person already has `PENDING_REASONS_MAX` other reasons waiting. */
  set(key: string, pending: PendingReason): boolean {
    const owner = ownerOf(key);
    const count = this.counts.get(owner) ?? 0;
    if (!this.byKey.has(key)) {
      if (count >= PENDING_REASONS_MAX) return false;
      this.counts.set(owner, count + 1);
    }
    this.byKey.set(key, pending);
    return true;
  }

  delete(key: string): void {
    if (!this.byKey.delete(key)) return;
    const owner = ownerOf(key);
    const count = (this.counts.get(owner) ?? 1) - 1;
    if (count > 0) this.counts.set(owner, count);
    else this.counts.delete(owner);
  }

  entries(): [string, PendingReason][] {
    return [...this.byKey];
  }

  forgetModel(modelId: string): void {
    const prefix = `${modelId}\u0000`;
    for (const key of [...this.byKey.keys()]) if (key.startsWith(prefix)) this.delete(key);
  }
}
