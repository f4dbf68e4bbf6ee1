import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Hocuspocus } from "@hocuspocus/server";
import { WebSocketServer } from "ws";
import { CLOSE_REASONS, shortReason } from "../close-reasons.ts";
import { parseDocName } from "../doc-names.ts";
import { errorText, type Logger } from "../logger.ts";
import type { SocketGuard } from "./socket-guard.ts";
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

/** What Hocuspocus hooks see of the request: its headers and path, never the query (the token). */
function hookRequest(request: IncomingMessage, documentName: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    try {
      headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    } catch {
      // A header the Fetch API refuses is of no use to the hooks.
    }
  }
  return new Request(`http://localhost${YJS_PREFIX}${documentName}`, { headers });
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
    guard.admitUpgrade(request, socket, () => upgrade(request, socket, head, documentName));
  };

  const upgrade = (
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    documentName: string,
  ): void => {
    const token = tokenOf(request);
    wss.handleUpgrade(request, socket, head, (ws) => {
      const forHooks = hookRequest(request, documentName);
      const guarded = guard.track(ws, request, forHooks);
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

      ws.on("message", (data, isBinary) => {
        const buffer = Buffer.isBuffer(data)
          ? data
          : Array.isArray(data)
            ? Buffer.concat(data)
            : Buffer.from(data);
        if (!guarded.arrived(buffer.byteLength)) return;
        const message = isBinary
          ? bridge.incoming(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength))
          : null;
        if (!message) {
          ws.close(CLOSE_REASONS["bad-message"].wsCode, shortReason("bad-message"));
          return;
        }
        client.handleMessage(message);
      });
      ws.on("close", (code, reason) => {
        clearInterval(ping);
        guarded.closed();
        client.handleClose({ code, reason: reason.toString() });
      });
      ws.on("error", (error) => {
        // ws closes the socket itself (1009 for an oversized frame, 1002 for a bad one).
        logger.info("socket-error", { endpoint: "yjs", error: errorText(error) });
      });
    });
  };

  return { matches: (pathname) => pathname.startsWith(YJS_PREFIX), handler, sockets: wss };
}
