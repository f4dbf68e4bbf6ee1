import type { ServerConfig } from "../runtime/config.ts";
import type { Logger } from "../runtime/logger.ts";
import { collabEndpoint } from "../ws/collab.ts";
import { UpgradeRouter } from "../ws/upgrade-router.ts";
import { yjsEndpoint } from "../ws/yjs-endpoint.ts";
import type { LiveDocuments } from "./documents.ts";

export type SocketEndpoints = ReturnType<typeof openEndpoints>;

/**
 * The WebSocket endpoints, `/collab` and `/yjs/<id>`, behind one upgrade router. Allowed origins
 * are known only once the server listens (its port), so the router asks `allowedOrigins` then.
 */
export function openEndpoints(
  config: ServerConfig,
  { hocuspocus, guard }: LiveDocuments,
  allowedOrigins: (origin: string | undefined) => boolean,
  logger: Logger,
) {
  const upgrades = new UpgradeRouter(allowedOrigins, logger);
  const options = { maxPayloadBytes: config.limits.maxPayloadBytes };
  const collab = collabEndpoint(hocuspocus, options, guard, logger);
  upgrades.register("/collab", collab.handler);
  const yjs = yjsEndpoint(hocuspocus, options, guard, logger);
  upgrades.register(yjs.matches, yjs.handler);
  return { upgrades, collab, yjs };
}
