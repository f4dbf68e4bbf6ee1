import type { Connection } from "@hocuspocus/server";
import { type CloseCode, CloseError } from "../runtime/close-reasons.ts";
import { contextOf } from "./context.ts";

/**
 * Live document connections by link and model, so revoking or deleting can close them at once.
 * Each document connection is tracked as itself: one socket may hold several (Hocuspocus
 * multiplexes documents on a socket, and a session-aware provider may open the same document
 * twice as `name\0session`), so nothing here is keyed by socket or document name, which would
 * make closing one forget the others.
 */
export class ConnectionRegistry {
  private readonly connections = new Set<Connection>();

  add(connection: Connection): void {
    this.connections.add(connection);
    // Hocuspocus calls this whichever way the connection ends (client close, socket gone,
    // server close), after removing it from its document.
    connection.onClose(() => this.connections.delete(connection));
  }

  /** Forgets connections their document no longer holds (a backstop to `onClose`). */
  prune(): void {
    for (const connection of this.connections) {
      if (!connection.document.hasConnection(connection)) this.connections.delete(connection);
    }
  }

  /** The live connections, for subclasses that check them against the store. */
  protected live(): Connection[] {
    return [...this.connections];
  }

  private closeWhere(test: (c: Connection) => boolean, code: CloseCode): number {
    let closed = 0;
    for (const connection of [...this.connections]) {
      if (!test(connection)) continue;
      this.connections.delete(connection);
      const error = new CloseError(code);
      connection.close({ code: error.code, reason: error.reason });
      closed += 1;
    }
    return closed;
  }

  closeLink(linkId: string, code: CloseCode = "link-revoked"): number {
    return this.closeWhere((c) => contextOf(c)?.linkId === linkId, code);
  }

  closeModel(modelId: string, code: CloseCode): number {
    return this.closeWhere((c) => contextOf(c)?.modelId === modelId, code);
  }

  closeAll(code: CloseCode): number {
    return this.closeWhere(() => true, code);
  }

  get size(): number {
    return this.connections.size;
  }
}
