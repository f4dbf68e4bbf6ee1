import type { Connection } from "@hocuspocus/server";
import { type CloseCode, CloseError } from "./close-reasons.ts";
import { contextOf } from "./context.ts";

/** Live document connections by link and model, so revoking or deleting can close them at once. */
export class ConnectionRegistry {
  private readonly connections = new Set<Connection>();

  add(connection: Connection): void {
    this.connections.add(connection);
  }

  remove(socketId: string, documentName: string): void {
    for (const connection of this.connections) {
      if (connection.socketId === socketId && connection.document.name === documentName) {
        this.connections.delete(connection);
      }
    }
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
