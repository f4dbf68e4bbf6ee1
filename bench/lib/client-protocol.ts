import type { Target } from "./clients.ts";

/**
 * Messages between the benchmark runner and its client processes (client-worker.ts): each
 * request carries an id, each reply the same id with a result or an error in words.
 */
export interface ClientSpec {
  target: Target;
  /** Which document group the client belongs to, for the divergence check. */
  group: number;
  /** Card ids the client must hold before it counts as ready (seeded by the runner). */
  requireCards: string[];
  /**
   * Announce a presence state, as the app does (`user`). Our server drops empty states, and a
   * Hocuspocus provider that hears nothing for 30 s closes its socket: an idle client of a quiet
   * model stays connected because its presence renewals (every 15 s) are echoed back.
   */
  presence?: boolean;
}

export interface EditorSpec {
  /** Index into this process's clients. */
  client: number;
  cardId: string;
  peers: number;
}

export type WorkerRequest =
  | { type: "connect"; clients: ClientSpec[]; batch: number }
  | {
      type: "start";
      editors: EditorSpec[];
      ratePerSecond: number;
      windowStart: number;
      windowEnd: number;
    }
  | { type: "stop" }
  | { type: "report" }
  | { type: "close" };

export interface EditFigures {
  samples: number[];
  sentInWindow: number;
  expectedDeliveries: number;
  editErrors: number;
}

export interface StateFigures {
  unacknowledgedEdits: number;
  /** Errors over every client; `errors` holds the distinct reasons. */
  errorCount: number;
  errors: string[];
  /** One digest of the cards per client, with its group. */
  digests: { group: number; digest: string }[];
}

export type WorkerReply = { id: number } & (
  | { ok: true; result: unknown }
  | { ok: false; error: string }
);
