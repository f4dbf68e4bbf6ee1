import type { Extension } from "@hocuspocus/server";
import { parseDocName } from "../documents/doc-names.ts";
import type { CascadeHub } from "./hub.ts";

/**
 * Tells the cascade hub about every change to a live graph document, whatever its origin (a
 * client, the API, another process through Redis): the hub batches them, the goal index drops
 * what it cached and open roll-ups and maps refetch.
 */
export function cascadeChanges(hub: CascadeHub): Extension {
  return {
    extensionName: "cascade-changes",
    priority: 150,
    async afterLoadDocument({ documentName, document }) {
      const parsed = parseDocName(documentName);
      if (parsed?.kind !== "graph") return;
      const { modelId } = parsed;
      document.on("update", () => hub.changed(modelId));
    },
  };
}
