/**
 * Who hears that a person's inbox changed: that person's open streams (server-sent events), on
 * this process and, through the cluster's control channel, on the others. The message names
 * people only (never what they got): each stream reads its own person's inbox from the store.
 */

/** People per published message (the control channel drops messages over 2,000 characters). */
const PEOPLE_PER_MESSAGE = 40;

export type InboxListener = () => void;

export class InboxHub {
  private readonly listeners = new Map<string, Set<InboxListener>>();
  /** Set by the cluster: tells the other processes. */
  publish: (personIds: string[]) => void = () => undefined;

  /** Inboxes that changed on this process: its streams hear now, the others through Redis. */
  changed(personIds: readonly string[]): void {
    for (let i = 0; i < personIds.length; i += PEOPLE_PER_MESSAGE)
      this.publish(personIds.slice(i, i + PEOPLE_PER_MESSAGE));
    this.emit(personIds);
  }

  /** Inboxes another process changed. */
  remote(personIds: readonly string[]): void {
    this.emit(personIds);
  }

  subscribe(personId: string, listener: InboxListener): () => void {
    const set = this.listeners.get(personId) ?? new Set<InboxListener>();
    set.add(listener);
    this.listeners.set(personId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(personId);
    };
  }

  private emit(personIds: readonly string[]): void {
    for (const id of personIds) {
      for (const listener of this.listeners.get(id) ?? []) {
        try {
          listener();
        } catch {
          // One page's broken stream must not stop the others from hearing.
        }
      }
    }
  }

  close(): void {
    this.listeners.clear();
  }
}
