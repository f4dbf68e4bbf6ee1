import { HocuspocusProvider, type HocuspocusProviderConfiguration } from "@hocuspocus/provider";
import { MESSAGE_TYPE, SYNC_STEP } from "@logic-canvas/shared";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";

/** WebSocket.OPEN, spelled out: Node 20 (tests) has no global WebSocket. */
const SOCKET_OPEN = 1;
/** Held updates are merged past this count, so a long offline session holds one update. */
const MERGE_EVERY = 64;

/** Whether a raw server message is its sync step 1 (the server's state vector). */
function isServerStepOne(data: ArrayBuffer | Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    decoding.readVarString(decoder);
    return (
      decoding.readVarUint(decoder) === MESSAGE_TYPE.sync &&
      decoding.readVarUint(decoder) === SYNC_STEP.step1
    );
  } catch {
    return false;
  }
}

/**
 * A HocuspocusProvider that sends a local change only once the server has answered its sync.
 *
 * On (re)connect the stock provider sends each new local change at once, while the changes made
 * offline reach the server only in its reply to the server's sync step 1, a round trip later. A
 * change made in that window depends on offline changes the server has not seen yet, and the
 * server refuses such a change (`out-of-sync`) rather than hold it: the page then reconnects, and
 * often hits the same window again. Here changes made before the sync completes are held: those
 * made before the provider answers the server's step 1 travel in that answer and are dropped;
 * the rest are sent, merged, once synced, after the answer on the same socket.
 */
export class SyncFirstProvider extends HocuspocusProvider {
  private held: Uint8Array[] = [];
  /**
   * Whether the held changes count as one unsynced change of their own. Until the provider answers
   * the server's step 1 they do not: they travel in that answer, which the count already waits for.
   */
  private heldCounted = false;

  constructor(configuration: HocuspocusProviderConfiguration) {
    super(configuration);
    this.on("message", ({ event }: { event: MessageEvent }) => {
      // The answer to this message is computed from the document as it is now, held changes
      // included.
      if (isServerStepOne(event.data)) {
        this.held = [];
        this.uncountHeld();
      }
    });
    this.on("synced", () => this.release());
  }

  override documentUpdateHandler(update: Uint8Array, origin: unknown): void {
    if (origin === this) return;
    if (this.isSynced && this.socketOpen()) {
      super.documentUpdateHandler(update, origin);
      return;
    }
    this.held.push(update);
    if (this.held.length > MERGE_EVERY) this.held = [Y.mergeUpdates(this.held)];
    // The page shows "saving" (or offline) while anything is unsynced, held changes included.
    if (!this.heldCounted) {
      this.heldCounted = true;
      this.incrementUnsyncedChanges();
    }
  }

  /** A (re)connect's sync counts one unsynced change, the answer that carries what is held. */
  override startSync(): void {
    super.startSync();
    this.heldCounted = false;
  }

  private uncountHeld(): void {
    if (!this.heldCounted) return;
    this.heldCounted = false;
    this.decrementUnsyncedChanges();
  }

  /**
   * The socket can be closing while the provider still counts as synced (its close event has not
   * arrived): a change sent then is queued by the socket and sent first on the next connection,
   * ahead of the sync that carries what it depends on.
   */
  private socketOpen(): boolean {
    return this.configuration.websocketProvider.webSocket?.readyState === SOCKET_OPEN;
  }

  /** Changes held since the provider answered the server's step 1, now sent in order. */
  private release(): void {
    const held = this.held;
    this.held = [];
    this.uncountHeld();
    if (held.length === 0) return;
    // Counted again here, as one update awaiting the server's acknowledgement.
    super.documentUpdateHandler(
      held.length === 1 ? (held[0] as Uint8Array) : Y.mergeUpdates(held),
      null,
    );
  }
}
