import type { Connection } from "@hocuspocus/server";
import { MESSAGE_TYPE } from "@logic-canvas/shared";
import type { CloseError } from "../runtime/close-reasons.ts";

/**
 * The acknowledgement side of the write path's durability contract:
 *
 * - An accepted client update is applied to the live document, and so broadcast to the document's
 *   other connections (and relayed to other processes), in the turn it was read; its append to the
 *   durable log is queued, and every append of the turn commits together at the turn's end.
 * - The writer is told its change is saved only once it is: Hocuspocus's acknowledgement
 *   (SyncStatus, which the provider counts down as unsaved changes) leaves only after every append
 *   queued before it on that connection has committed. Acknowledgements leave in the order
 *   Hocuspocus made them; any other frame leaves at once.
 * - A peer may therefore hold a change that is not yet on disk. If the process dies before the
 *   commit, the change is not lost for good: the writer was not told it was saved and resends it
 *   on its next sync (so does any peer that holds it), and it is appended then.
 * - If an append fails, the writer gets no acknowledgement for it or anything after: its
 *   connection is closed with the refusal (the gate's `onRefused`), and the gate refuses whatever
 *   else that connection had queued.
 */
export class DurableAcks {
  private readonly holds = new WeakMap<Connection, AckHold>();

  /** Holds `connection`'s next acknowledgements until `write` settles. */
  wait(
    connection: Connection,
    write: Promise<void>,
    onRefused: (refusal: CloseError) => void,
  ): void {
    let hold = this.holds.get(connection);
    if (!hold) {
      hold = new AckHold(connection.send.bind(connection));
      const held = hold;
      // Every frame Hocuspocus sends this connection (its replies and the document's broadcasts)
      // goes through `send`; only the acknowledgements are held.
      connection.send = (frame: Uint8Array) => held.deliver(frame);
      this.holds.set(connection, hold);
    }
    hold.wait(write, onRefused);
  }

  /** The refusal that closed this connection's writing, if an append of it failed. */
  refusalOf(connection: Connection): CloseError | null {
    return this.holds.get(connection)?.refusal ?? null;
  }
}

class AckHold {
  /** The last append queued on the connection, until it settles. */
  private last: Promise<void> | null = null;
  refusal: CloseError | null = null;

  constructor(private readonly send: (frame: Uint8Array) => void) {}

  wait(write: Promise<void>, onRefused: (refusal: CloseError) => void): void {
    // Appends commit in the order they were queued, so the last one settling means all of the
    // connection's earlier ones have; the reactions below run in the order they were added.
    const settled: Promise<void> = write.then(
      () => {
        if (this.last === settled) this.last = null;
      },
      (refusal: CloseError) => {
        if (this.last === settled) this.last = null;
        if (this.refusal) return;
        this.refusal = refusal;
        onRefused(refusal);
      },
    );
    this.last = settled;
  }

  deliver(frame: Uint8Array): void {
    if (!isAcknowledgement(frame)) {
      this.send(frame);
      return;
    }
    if (this.refusal) return;
    const last = this.last;
    if (last === null) {
      this.send(frame);
      return;
    }
    void last.then(() => {
      if (!this.refusal) this.send(frame);
    });
  }
}

/**
 * Whether a frame is Hocuspocus's SyncStatus: its address (a length, then that many bytes), then
 * the message type. Read by hand: every broadcast frame passes here, and a decoder per frame
 * would be an allocation per delivery.
 */
export function isAcknowledgement(frame: Uint8Array): boolean {
  let length = 0;
  let shift = 0;
  let pos = 0;
  for (;;) {
    const byte = frame[pos++];
    if (byte === undefined || shift > 28) return false;
    length += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
    shift += 7;
  }
  return frame[pos + length] === MESSAGE_TYPE.syncStatus;
}
