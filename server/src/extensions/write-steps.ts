import type { Connection } from "@hocuspocus/server";
import * as Y from "yjs";
import { type ConnectionContext, contextOf } from "../access/context.ts";
import type { DocumentPersistence } from "../documents/persistence.ts";
import { type DocValidator, OUT_OF_SYNC, type ShadowDoc } from "../gate/shadow.ts";
import { decodeMessage, isEmptyUpdate } from "../gate/sync-message.ts";
import { checkUpdate } from "../gate/update-limits.ts";
import { CloseError } from "../runtime/close-reasons.ts";
import { errorText, type Logger } from "../runtime/logger.ts";

/**
 * The steps of a client update's write path, in order: readable → permitted → valid → durable →
 * applied. Each refuses by throwing a `CloseError` (durable: by rejecting with one), which closes
 * the writer's document connection with its reason; a refusal before durable leaves the document
 * (and every other client) untouched.
 */

/** A document's validator and the shadow it validates against (graph and review documents). */
export interface DocGate {
  shadow: ShadowDoc;
  validator: DocValidator;
}

/**
 * 1. Readable: the update a message carries, or null when it carries none to write (another kind
 * of message, or an empty update). Checked before Yjs reads a byte of it: some malformed updates
 * make its decoder allocate hundreds of megabytes or recurse until the stack overflows.
 */
export function readable(message: Uint8Array): Uint8Array | null {
  const decoded = decodeMessage(message);
  if (decoded.kind === "other") return null;
  if (decoded.kind === "malformed")
    throw new CloseError("bad-message", `The server could not read a message: ${decoded.reason}.`);
  const { update } = decoded;
  if (isEmptyUpdate(update)) return null;
  const checked = checkUpdate(update);
  if (!checked.ok) {
    throw new CloseError("bad-message", `The server could not read a change: ${checked.reason}.`);
  }
  return update;
}

/**
 * 2. Permitted: whether the connection may write. A read-only connection is refused if the update
 * changes anything; one that changes nothing is let through unwritten (false): a viewer's provider
 * re-sends what the server already has when it connects, which is harmless.
 */
export function permitted(
  update: Uint8Array,
  connection: Pick<Connection, "readOnly" | "context">,
  document: Y.Doc,
): boolean {
  if (!connection.readOnly) return true;
  let changes: boolean;
  try {
    changes = !Y.snapshotContainsUpdate(Y.snapshot(document), update);
  } catch {
    throw new CloseError("bad-message");
  }
  if (!changes) return false;
  const context = contextOf(connection);
  const unnamed = context?.docKind === "review" && !context.person;
  throw new CloseError(
    "read-only",
    unnamed && context.role !== "viewer"
      ? "Comments and votes are written under your name: choose a display name first."
      : undefined,
  );
}

/**
 * 3. Valid: the update leaves the document within its rules, tried on the shadow, or provably
 * cannot break one (a card moved, its notes written: gate/harmless-write.ts). Every
 * authenticated connection has a context; without one nothing is written. Returns the shadow
 * generation that accepted it (see `applied`), or undefined when the shadow did not see it (no
 * gate, or not tried).
 */
export function valid(
  update: Uint8Array,
  gate: DocGate | undefined,
  writer: ConnectionContext | undefined,
  logRefusal: (refusal: string) => void,
): number | undefined {
  if (!gate) return undefined;
  if (!writer) throw new CloseError("unauthorized");
  if (gate.shadow.isHarmless(update, gate.validator)) return undefined;
  const refusal = gate.shadow.tryUpdate(update, gate.validator, writer);
  if (refusal === OUT_OF_SYNC) throw new CloseError("out-of-sync");
  if (refusal) {
    logRefusal(refusal);
    throw new CloseError(
      "invalid-write",
      `The server refused a change: ${refusal.replace(/\.+$/, "")}.`,
    );
  }
  return gate.shadow.generation;
}

/**
 * 4. Durable: the update's append to the durable log, queued with the rest of the turn's (they
 * commit together at its end). Not waited for before Hocuspocus applies and broadcasts the update:
 * the writer's acknowledgement waits for it instead (durable-acks.ts has the contract). Rejects
 * with the refusal to close the writer with: the store's own (a deleted model, shutdown) or
 * `storage-error`, logged.
 */
export function durable(
  persistence: Pick<DocumentPersistence, "append">,
  documentName: string,
  update: Uint8Array,
  logger: Logger,
): Promise<void> {
  return persistence.append(documentName, update).then(
    () => undefined,
    (error: unknown) => {
      if (error instanceof CloseError) throw error;
      logger.error("append-failed", { document: documentName, error: errorText(error) });
      throw new CloseError(
        "storage-error",
        "Your last change could not be saved. Reload to continue.",
      );
    },
  );
}

/**
 * 5. Applied: the shadow follows every update the live document applies, whatever its origin. A
 * client update the shadow accepted in its current generation is there already (a connection's
 * messages are handled one at a time, so nothing came between) and is not mirrored again.
 */
export function applied(
  shadow: ShadowDoc,
  update: Uint8Array,
  acceptedIn: number | undefined,
): void {
  if (acceptedIn === shadow.generation) return;
  shadow.mirror(update);
}
