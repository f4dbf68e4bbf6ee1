import type { Connection } from "@hocuspocus/server";
import { type Role, roleAtLeast } from "@logic-canvas/shared";
import { type CloseCode, CloseError } from "../runtime/close-reasons.ts";
import { type ConnectionContext, contextOf } from "./context.ts";
import type { Person } from "./identity.ts";

/** The longest delay setTimeout keeps (2^31 - 1 ms); longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

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
    const expiry = this.closeWhenExpired(connection);
    // Hocuspocus calls this whichever way the connection ends (client close, socket gone,
    // server close), after removing it from its document.
    connection.onClose(() => {
      this.connections.delete(connection);
      expiry.cancel();
    });
  }

  /**
   * A connection through a link with an expiry is closed when it expires, with the reason, so
   * nobody keeps working through a link past its end. Each process closes its own (no event
   * between processes is needed: every one knows the time). Timers cap at about 24 days, so a
   * later expiry waits in steps.
   */
  private closeWhenExpired(connection: Connection): { cancel: () => void } {
    const expiresAt = contextOf(connection)?.linkExpiresAt;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wait = () => {
      const left = Date.parse(expiresAt ?? "") - Date.now();
      if (left > 0) {
        timer = setTimeout(wait, Math.min(left, MAX_TIMER_MS));
        timer.unref?.();
        return;
      }
      if (this.connections.has(connection)) this.closeOne(connection, "link-expired");
    };
    if (expiresAt) wait();
    return { cancel: () => clearTimeout(timer) };
  }

  /** Forgets connections their document no longer holds (a backstop to `onClose`). */
  prune(): void {
    for (const connection of this.connections) {
      if (!connection.document.hasConnection(connection)) this.connections.delete(connection);
    }
  }

  /** The people connected to a model's documents on this process (for resolving @mentions). */
  peopleOn(modelId: string): Person[] {
    const people: Person[] = [];
    for (const connection of this.connections) {
      const context = contextOf(connection);
      if (context?.modelId === modelId && context.person) people.push(context.person);
    }
    return people;
  }

  /** The live connections, for subclasses that check them against the store. */
  protected live(): Connection[] {
    return [...this.connections];
  }

  private closeWhere(test: (c: Connection) => boolean, code: CloseCode): number {
    let closed = 0;
    for (const connection of [...this.connections]) {
      if (!test(connection)) continue;
      this.closeOne(connection, code);
      closed += 1;
    }
    return closed;
  }

  private closeOne(connection: Connection, code: CloseCode): void {
    this.connections.delete(connection);
    const error = new CloseError(code);
    connection.close({ code: error.code, reason: error.reason });
  }

  closeLink(linkId: string, code: CloseCode = "link-revoked"): number {
    return this.closeWhere((c) => contextOf(c)?.linkId === linkId, code);
  }

  closeModel(modelId: string, code: CloseCode): number {
    return this.closeWhere((c) => contextOf(c)?.modelId === modelId, code);
  }

  /**
   * What a connection's person may do now (link and workspace role), for `recheckAccount`; set
   * once the store exists. Undefined: no longer anything.
   */
  roleNow: (context: ConnectionContext) => Promise<Role | null> = async (c) => c.role;

  /**
   * Re-checks the connections of an account whose workspace roles changed (removed, lowered):
   * each whose role is now lower, or gone, is closed with `access-changed`, and its page
   * reconnects with what it has left (or is refused). A raised role stays as it is until then.
   * Null re-checks every signed-in connection (a workspace moved in the tree).
   */
  async recheckAccount(accountId: string | null): Promise<number> {
    let closed = 0;
    for (const connection of this.live()) {
      const context = contextOf(connection);
      if (!context?.accountId || (accountId !== null && context.accountId !== accountId)) continue;
      const now = await this.roleNow(context).catch(() => context.role);
      if (now !== null && roleAtLeast(now, context.role)) continue;
      if (!this.connections.has(connection)) continue;
      this.closeOne(connection, "access-changed");
      closed += 1;
    }
    return closed;
  }

  closeAll(code: CloseCode): number {
    return this.closeWhere(() => true, code);
  }

  get size(): number {
    return this.connections.size;
  }
}
