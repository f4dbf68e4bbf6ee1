import type * as Y from "yjs";
import type { ConnectionContext } from "../access/context.ts";
import { type AlignmentCheck, addedAlignments } from "../cascade/alignment-gate.ts";
import { takeAlignedCards } from "../gate/graph-rules.ts";
import { CloseError } from "../runtime/close-reasons.ts";
import type { DocGate } from "./write-steps.ts";

/**
 * 3b. Aligned (graph documents, between valid and durable): every alignment the update adds to a
 * goal leads to a goal the writer may see in a workspace above. Asked only when the update
 * wrote a card's `alignsTo`; the live document still holds the state before the update, so
 * what is new is what the shadow holds and the live document does not. A refusal drops the
 * update from the shadow and closes the writer's connection with the reason, like `valid`.
 */
export function aligned(
  gate: DocGate,
  live: Y.Doc,
  writer: ConnectionContext | undefined,
  check: AlignmentCheck,
  logRefusal: (refusal: string) => void,
): Promise<void> | undefined {
  const shadow = gate.shadow.current();
  if (!shadow || !writer || writer.docKind !== "graph") return undefined;
  const cards = takeAlignedCards(shadow);
  // Nearly every write sets no alignment: answered without a promise to wait on.
  if (cards.size === 0) return undefined;
  return refuseUnseen(gate, writer, addedAlignments(live, shadow, cards), check, logRefusal);
}

async function refuseUnseen(
  gate: DocGate,
  writer: ConnectionContext,
  added: ReturnType<typeof addedAlignments>,
  check: AlignmentCheck,
  logRefusal: (refusal: string) => void,
): Promise<void> {
  const refusal = await check(writer, writer.modelId, added);
  if (!refusal) return;
  gate.shadow.rebuild();
  logRefusal(refusal);
  throw new CloseError("invalid-write", `The server refused a change: ${refusal}.`);
}
