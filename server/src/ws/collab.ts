import type { IncomingMessage } from "node:http";
import type { Hocuspocus, WebSocketLike } from "@hocuspocus/server";
import { WebSocketServer } from "ws";
import { CLOSE_REASONS, shortReason } from "../close-reasons.ts";
import { errorText, type Logger } from "../logger.ts";
import type { SocketGuard } from "./socket-guard.ts";
import type { UpgradeHandler } from "./upgrade-router.ts";

/** Hocuspocus takes a Fetch `Request`; only the URL and headers matter to it. */
function toRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    try {
      headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    } catch {
      // A header the Fetch API refuses is of no use to the hooks.
    }
  }
  // The path only: a query string is not parsed by anything downstream and is never logged.
  return new Request(`http://localhost${(request.url ?? "/").split("?")[0]}`, { headers });
}

/** The `/collab` endpoint: one `ws` server in noServer mode feeding Hocuspocus. */
export function collabEndpoint(
  hocuspocus: Hocuspocus,
  options: { maxPayloadBytes: number },
  guard: SocketGuard,
  logger: Logger,
): { handler: UpgradeHandler; sockets: WebSocketServer } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes });

  const handler: UpgradeHandler = (request, socket, head) => {
    guard.admitUpgrade(request, socket, () => upgrade(request, socket, head));
  };

  const upgrade: UpgradeHandler = (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => {
      const hookRequest = toRequest(request);
      const guarded = guard.track(ws, request, hookRequest);
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
      const client = hocuspocus.handleConnection(outgoing, hookRequest);
      ws.on("message", (data, isBinary) => {
        const bytes = Buffer.isBuffer(data)
          ? data.byteLength
          : Array.isArray(data)
            ? data.reduce((n, b) => n + b.byteLength, 0)
            : data.byteLength;
        if (!guarded.arrived(bytes)) return;
        if (!isBinary) {
          ws.close(CLOSE_REASONS["bad-message"].wsCode, shortReason("bad-message"));
          return;
        }
        const buffer = Buffer.isBuffer(data)
          ? data
          : Array.isArray(data)
            ? Buffer.concat(data)
            : Buffer.from(data);
        const message = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
        const refusal = guarded.documents.admit(message);
        if (refusal) {
          if (guarded.documents.refused === 1)
            logger.warn("documents-per-socket-cap", { address: guarded.address });
          ws.send(refusal);
          return;
        }
        client.handleMessage(message);
      });
      ws.on("close", (code, reason) => {
        guarded.closed();
        client.handleClose({ code, reason: reason.toString() });
      });
      ws.on("error", (error) => {
        // ws closes the socket itself (1009 for an oversized frame, 1002 for a bad one).
        logger.info("socket-error", { error: errorText(error) });
      });
    });
  };
  return { handler, sockets: wss };
}
