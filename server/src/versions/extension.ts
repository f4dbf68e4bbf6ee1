import { type Extension, isTransactionOrigin } from "@hocuspocus/server";
import { parseDocName } from "../documents/doc-names.ts";
import type { ServerChangeContext } from "../models/models.ts";
import type { VersionService } from "./service.ts";

/**
 * Starts a model's quiet period on every change to its graph, so an automatic version is saved
 * once people stop editing. Changes relayed from other processes count too: every process serving
 * the model then ends its quiet period together, and one of them claims the save (see
 * `VersionService`). A restore needs none: it saves the version before it, and what it writes is
 * a version already.
 */
export function autoVersions(versions: Pick<VersionService, "changed">): Extension {
  return {
    extensionName: "auto-versions",
    priority: 200,

    async afterLoadDocument({ documentName, document }) {
      const parsed = parseDocName(documentName);
      if (parsed?.kind !== "graph") return;
      const { modelId } = parsed;
      document.on("update", (_update: Uint8Array, origin: unknown) => {
        if (!isTransactionOrigin(origin)) return;
        if (origin.source === "local") {
          const context = origin.context as Partial<ServerChangeContext> | undefined;
          if (context?.source === "restore") return;
        }
        versions.changed(modelId);
      });
    },
  };
}
