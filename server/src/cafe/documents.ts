import type { Hocuspocus } from "@hocuspocus/server";
import type * as Y from "yjs";
import { graphDocName, reviewDocName } from "../documents/doc-names.ts";
import type { ServerChangeContext } from "../models/models.ts";

/**
 * One server-side change to a model's document through a direct connection: `work` reads and
 * writes synchronously inside one transaction, so its checks and its write see the same state
 * (two facilitators clicking at once are served one after the other). Clients connected to the
 * document receive the change as any other; it is stored by the persistence extension.
 */
export async function changeDocument<T>(
  hocuspocus: Hocuspocus,
  kind: "graph" | "review",
  modelId: string,
  context: ServerChangeContext,
  work: (doc: Y.Doc) => T,
): Promise<T> {
  const name = kind === "graph" ? graphDocName(modelId) : reviewDocName(modelId);
  const connection = await hocuspocus.openDirectConnection(name, context);
  try {
    let outcome = { error: new Error("not run") } as { value: T } | { error: unknown };
    await connection.transact((doc) => {
      try {
        outcome = { value: work(doc) };
      } catch (error) {
        outcome = { error };
      }
    });
    if ("error" in outcome) throw outcome.error;
    return outcome.value;
  } finally {
    await connection.disconnect();
  }
}
