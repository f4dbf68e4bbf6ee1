import type { Extension } from "@hocuspocus/server";
import type { Logger } from "../runtime/logger.ts";

/** Document lifecycle in the structured log. Tokens never reach these payloads' fields we log. */
export function loggingExtension(logger: Logger): Extension {
  return {
    extensionName: "logging",
    priority: 1100,
    async afterLoadDocument({ documentName }) {
      logger.info("document-loaded", { document: documentName });
    },
    async afterUnloadDocument({ documentName }) {
      logger.info("document-unloaded", { document: documentName });
    },
  };
}
