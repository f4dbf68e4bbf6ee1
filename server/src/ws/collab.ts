import type { Hocuspocus, WebSocketLike } from "@hocuspocus/server";
import { WebSocketServer } from "ws";
import type { Logger } from "../runtime/logger.ts";
import type { SocketGuard } from "./socket-guard.ts";
import { acceptGuarded, hookRequest, pumpSocket } from "./socket-pump.ts";
import type { UpgradeHandler } from "./upgrade-router.ts";

/** The `/collab` endpoint: one `ws` server in noServer mode feeding Hocuspocus. */
export function collabEndpoint(
  hocuspocus: Hocuspocus,
  options: { maxPayloadBytes: number },
  guard: SocketGuard,
  logger: Logger,
): { handler: UpgradeHandler; sockets: WebSocketServer } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes });

  const handler: UpgradeHandler = (request, socket, head) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    acceptGuarded(
      wss,
      guard,
      { request, socket, head },
      () => hookRequest(request, path),
      (ws, guarded, forHooks) => {
        // What Hocuspocus sends passes the guard, which watches for the auth outcomes.
        const outgoing: WebSocketLike = {
          get readyState() {
            return ws.readyState;
          },
          send(data) {
            if (data instanceof Uint8Array) guarded.outgoing(data);
            ws.send(data as Uint8Array);
          },
          close(code, reason) {
            ws.close(code, reason);
          },
        };
        pumpSocket(ws, guarded, hocuspocus.handleConnection(outgoing, forHooks), logger, {
          // A socket opening one document too many is refused in band (see socket-documents.ts).
          refuse: (message) => {
            const refusal = guarded.documents.admit(message);
            if (refusal && guarded.documents.refused === 1)
              logger.warn("documents-per-socket-cap", { address: guarded.address });
            return refusal;
          },
        });
      },
    );
  };
  return { handler, sockets: wss };
}
