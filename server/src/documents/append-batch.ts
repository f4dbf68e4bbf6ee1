import type { AppendEntry, Store } from "../storage/types.ts";

interface Waiting extends AppendEntry {
  resolve(seq: number): void;
  reject(error: unknown): void;
}

/**
 * Group commit of the durable log. Every append asked for in one turn of the event loop (the
 * updates of every socket read in one poll) is written in one transaction right after it, in
 * `setImmediate`, and each caller's promise settles only once that transaction is on disk: one
 * commit per turn instead of one per update, and still nothing acknowledged before it is stored.
 * While one batch is being written (PostgreSQL is asynchronous), the next one gathers, so batches
 * are written one at a time and in order. A failed batch fails every append in it (none of them
 * is stored); an append to a document that does not exist fails alone.
 */
export class AppendBatcher {
  private gathering: Waiting[] = [];
  private scheduled = false;
  private writing: Promise<void> | null = null;

  constructor(private readonly store: Pick<Store, "appendUpdates">) {}

  append(documentName: string, update: Uint8Array): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.gathering.push({ documentName, update, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.writing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.writing = this.write().finally(() => {
        this.writing = null;
        if (this.gathering.length > 0) this.schedule();
      });
    });
  }

  private async write(): Promise<void> {
    const batch = this.gathering;
    this.gathering = [];
    let seqs: (number | null)[];
    try {
      seqs = await this.store.appendUpdates(batch);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, i) => {
      const seq = seqs[i];
      if (typeof seq === "number") waiting.resolve(seq);
      else waiting.reject(new Error(`document ${waiting.documentName} does not exist`));
    });
  }
}
