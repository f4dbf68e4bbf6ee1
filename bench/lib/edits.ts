import { addNode, moveNode, nodesMap } from "@logic-canvas/shared";
import * as Y from "yjs";
import type { BenchClient } from "./clients.ts";
import { waitFor } from "./clients.ts";
import { clockMs } from "./clock.ts";

export const BENCH_ORIGIN = "bench";

/**
 * One card per sender: the document's own cards when it already has enough (a model created
 * from a file through our API), otherwise cards created through the domain's own mutation, so
 * every server sees only valid edits. Returns the card ids by sender.
 */
export async function seedCards(writer: BenchClient, readers: BenchClient[], count: number) {
  const existing = [...nodesMap(writer.doc).keys()].sort();
  if (existing.length >= count) return existing.slice(0, count);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      addNode(
        writer.doc,
        { kind: "activity", title: `Bench card ${i + 1}`, position: { x: 0, y: i * 100 } },
        BENCH_ORIGIN,
      ),
    );
  }
  await waitFor(
    () => readers.every((r) => ids.every((id) => nodesMap(r.doc).has(id))),
    60_000,
    "seeded cards reaching every client",
  );
  return ids;
}

/**
 * Receives edits and records, per delivery, the time from the sender's local edit to its arrival
 * here. The sender writes its `clockMs()` as the card's x position: a valid domain edit (a drag),
 * and the machine-wide monotonic clock (see clock.ts) lets sender and receiver sit in different
 * processes.
 */
export class LatencyRecorder {
  readonly samples: number[] = [];
  private windowStart = Number.POSITIVE_INFINITY;
  private windowEnd = Number.POSITIVE_INFINITY;
  sentInWindow = 0;
  expectedDeliveries = 0;

  observe(client: BenchClient): void {
    const nodes = nodesMap(client.doc);
    nodes.observeDeep((events, transaction) => {
      if (transaction.local) return;
      const now = clockMs();
      for (const event of events) {
        if (event.target === nodes || !(event.target instanceof Y.Map)) continue;
        if (!(event as Y.YMapEvent<unknown>).keysChanged.has("position")) continue;
        const position = event.target.get("position") as { x: number } | undefined;
        const sentAt = position?.x;
        if (sentAt === undefined || sentAt < this.windowStart || sentAt > this.windowEnd) continue;
        this.samples.push(now - sentAt);
      }
    });
  }

  open(): void {
    this.windowStart = clockMs();
    this.windowEnd = Number.POSITIVE_INFINITY;
  }

  close(): void {
    this.windowEnd = clockMs();
  }

  /** A window agreed in advance, so client processes count the same edits without messages. */
  setWindow(start: number, end: number): void {
    this.windowStart = start;
    this.windowEnd = end;
  }

  inWindow(at: number): boolean {
    return at >= this.windowStart && at <= this.windowEnd;
  }
}

export interface Editor {
  client: BenchClient;
  cardId: string;
  /** How many other clients share the document and should see each edit. */
  peers: number;
}

/** Drives each editor at `ratePerSecond` with ±20 % jitter and a random starting phase. */
export function startEditing(editors: Editor[], ratePerSecond: number, recorder: LatencyRecorder) {
  const period = 1000 / ratePerSecond;
  const timers = new Set<NodeJS.Timeout>();
  let running = true;
  let editErrors = 0;
  const schedule = (editor: Editor, delay: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!running) return;
      const sentAt = clockMs();
      try {
        moveNode(editor.client.doc, editor.cardId, { x: sentAt, y: 0 }, BENCH_ORIGIN);
        if (recorder.inWindow(sentAt)) {
          recorder.sentInWindow++;
          recorder.expectedDeliveries += editor.peers;
        }
      } catch {
        editErrors++;
      }
      schedule(editor, period * (0.8 + 0.4 * Math.random()));
    }, delay);
    timers.add(timer);
  };
  for (const editor of editors) schedule(editor, Math.random() * period);
  return {
    stop(): { editErrors: number } {
      running = false;
      for (const timer of timers) clearTimeout(timer);
      return { editErrors };
    },
  };
}

/** Edits still waiting for the server's acknowledgement, summed over clients. */
export function pendingAcks(clients: BenchClient[]): number {
  return clients.reduce((sum, c) => sum + c.unsynced(), 0);
}
