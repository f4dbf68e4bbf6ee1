import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Hocuspocus } from "@hocuspocus/server";
import type { RawData, WebSocket, WebSocketServer } from "ws";
import { CLOSE_REASONS, shortReason } from "../runtime/close-reasons.ts";
import { errorText, type Logger } from "../runtime/logger.ts";
import type { GuardedSocket, SocketGuard } from "./socket-guard.ts";

/**
 * What Hocuspocus hooks see of an upgrade request (they take a Fetch `Request`): its headers and
 * `path` (its `url`, without scheme and host), never a query string (nothing downstream parses
 * one, and it may hold a token).
 */
export function hookRequest(request: IncomingMessage, path: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    try {
      headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    } catch {
      // A header the Fetch API refuses is of no use to the hooks.
    }
  }
  const hooks = new Request(`http://localhost${path}`, { headers });
  // Hocuspocus reads `requestParameters` from the url for every message and every update, with
  // `new URL()` when it holds "://" (a measurable share of the server's time per edit); the
  // path alone is read as a query string instead, which is cheap, and there is none.
  Object.defineProperty(hooks, "url", { value: path, enumerable: true });
  return hooks;
}

/**
 * Upgrades a socket once the guard admits it (else 429), and hands it over tracked: `forHooks`
 * makes the Request its Hocuspocus connection gets.
 */
export function acceptGuarded(
  wss: WebSocketServer,
  guard: SocketGuard,
  upgrade: { request: IncomingMessage; socket: Duplex; head: Buffer },
  forHooks: () => Request,
  open: (ws: WebSocket, guarded: GuardedSocket, forHooks: Request) => void,
): void {
  const { request, socket, head } = upgrade;
  guard.admitUpgrade(request, socket, () => {
    wss.handleUpgrade(request, socket, head, (ws) => {
      const hooks = forHooks();
      open(ws, guard.track(ws, request, hooks), hooks);
    });
  });
}

function sizeOf(data: RawData): number {
  if (Buffer.isBuffer(data)) return data.byteLength;
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.byteLength, 0);
  return data.byteLength;
}

function bytesOf(data: RawData): Uint8Array {
  const buffer = Buffer.isBuffer(data)
    ? data
    : Array.isArray(data)
      ? Buffer.concat(data)
      : Buffer.from(data);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The part of Hocuspocus's connection for one socket that the pump feeds. */
type SocketClient = Pick<
  ReturnType<Hocuspocus["handleConnection"]>,
  "handleMessage" | "handleClose"
>;

export interface PumpOptions {
  /** Turns a binary frame into the message Hocuspocus reads, or null to refuse it. */
  translate?: (frame: Uint8Array) => Uint8Array | null;
  /** A reply to send back instead of handing the message on, or null to hand it on. */
  refuse?: (message: Uint8Array) => Uint8Array | null;
  /** Added to the socket-error log line (which endpoint). */
  logFields?: Record<string, unknown>;
  /** Runs when the socket closes, before Hocuspocus hears of it. */
  onClose?: () => void;
}

/**
 * Feeds one socket into its Hocuspocus connection: each frame passes the guard's rate and size
 * check first (dropped once the guard has closed the socket), a text frame or one `translate`
 * cannot read closes the socket with `bad-message`, one `refuse` answers goes no further, and the
 * close reaches Hocuspocus.
 */
export function pumpSocket(
  ws: WebSocket,
  guarded: GuardedSocket,
  client: SocketClient,
  logger: Logger,
  options: PumpOptions = {},
): void {
  ws.on("message", (data, isBinary) => {
    if (!guarded.arrived(sizeOf(data))) return;
    const frame = isBinary ? bytesOf(data) : null;
    const message = frame && options.translate ? options.translate(frame) : frame;
    if (!message) {
      ws.close(CLOSE_REASONS["bad-message"].wsCode, shortReason("bad-message"));
      return;
    }
    const refusal = options.refuse?.(message);
    if (refusal) {
      ws.send(refusal);
      return;
    }
    client.handleMessage(message);
  });
  ws.on("close", (code, reason) => {
    options.onClose?.();
    guarded.closed();
    client.handleClose({ code, reason: reason.toString() });
  });
  ws.on("error", (error) => {
    // ws closes the socket itself (1009 for an oversized frame, 1002 for a bad one).
    logger.info("socket-error", { ...options.logFields, error: errorText(error) });
  });
}
