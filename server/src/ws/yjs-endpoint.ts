import type { IncomingMessage } from "node:http";
import type { Hocuspocus } from "@hocuspocus/server";
import { WebSocketServer } from "ws";
import { parseDocName } from "../documents/doc-names.ts";
import type { Logger } from "../runtime/logger.ts";
import type { SocketGuard } from "./socket-guard.ts";
import { acceptGuarded, hookRequest, pumpSocket } from "./socket-pump.ts";
import type { UpgradeHandler } from "./upgrade-router.ts";
import { YjsBridge } from "./yjs-bridge.ts";

export const YJS_PREFIX = "/yjs/";

/**
 * `/yjs/<id>` is the model's graph document, `/yjs/<id>/review` its review document, which is
 * what a y-websocket `WebsocketProvider(serverUrl + "/yjs", roomname)` asks for with the
 * document name as its room. Anything else is no document.
 */
export function yjsDocumentName(pathname: string): string | undefined {
  if (!pathname.startsWith(YJS_PREFIX)) return undefined;
  const name = pathname.slice(YJS_PREFIX.length);
  return parseDocName(name) ? name : undefined;
}

/** y-websocket clients send their token as URL parameters (`params: { token }`). */
function tokenOf(request: IncomingMessage): string {
  const query = (request.url ?? "").split("?")[1] ?? "";
  return new URLSearchParams(query).get("token") ?? "";
}

export interface YjsEndpoint {
  matches(pathname: string): boolean;
  handler: UpgradeHandler;
  sockets: WebSocketServer;
}

/**
 * The plain-Yjs endpoint: each socket is bridged (see yjs-bridge.ts) onto an ordinary Hocuspocus
 * connection, so it shares the live documents, tokens, roles, validation and limits of `/collab`.
 * The Origin check is the upgrade router's; `maxPayload` is set here as on `/collab`.
 */
export function yjsEndpoint(
  hocuspocus: Hocuspocus,
  options: { maxPayloadBytes: number; keepAliveMs?: number },
  guard: SocketGuard,
  logger: Logger,
): YjsEndpoint {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes });
  const keepAliveMs = options.keepAliveMs ?? 20_000;

  const handler: UpgradeHandler = (request, socket, head) => {
    const pathname = (request.url ?? "/").split("?")[0] ?? "/";
    const documentName = yjsDocumentName(pathname);
    if (!documentName) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    const token = tokenOf(request);
    acceptGuarded(
      wss,
      guard,
      { request, socket, head },
      () => hookRequest(request, `${YJS_PREFIX}${documentName}`),
      (ws, guarded, forHooks) => {
        const bridge = new YjsBridge(ws, documentName, (data) => guarded.outgoing(data));
        const client = hocuspocus.handleConnection(bridge, forHooks);
        client.handleMessage(bridge.authMessage(token));

        // y-websocket clients without presence send nothing while idle; a WebSocket pong (which
        // browsers send by themselves) counts as a sign of life for Hocuspocus's idle timeout.
        const ping = setInterval(() => ws.ping(), keepAliveMs);
        ping.unref();
        ws.on("pong", () => {
          client.lastMessageReceivedAt = Date.now();
        });
        pumpSocket(ws, guarded, client, logger, {
          translate: (frame) => bridge.incoming(frame),
          logFields: { endpoint: "yjs" },
          onClose: () => clearInterval(ping),
        });
      },
    );
  };

  return { matches: (pathname) => pathname.startsWith(YJS_PREFIX), handler, sockets: wss };
}
