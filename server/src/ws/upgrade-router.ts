import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Logger } from "../runtime/logger.ts";

export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Dispatches HTTP upgrades by path, after the Origin check that every WebSocket endpoint shares.
 * A new endpoint (e.g. a y-websocket one under `/yjs/`) is one `register` call.
 */
export class UpgradeRouter {
  private readonly routes: { matches: (pathname: string) => boolean; handler: UpgradeHandler }[] =
    [];

  constructor(
    private readonly isOriginAllowed: (origin: string | undefined) => boolean,
    private readonly logger: Logger,
  ) {}

  register(matches: string | ((pathname: string) => boolean), handler: UpgradeHandler): void {
    const test = typeof matches === "string" ? (p: string) => p === matches : matches;
    this.routes.push({ matches: test, handler });
  }

  handle = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on("error", () => socket.destroy());
    const pathname = (request.url ?? "/").split("?")[0] ?? "/";
    const route = this.routes.find((r) => r.matches(pathname));
    if (!route) {
      refuseUpgrade(socket, 404, "Not Found");
      return;
    }
    const origin = request.headers.origin;
    if (!this.isOriginAllowed(origin)) {
      this.logger.warn("origin-refused", { origin: String(origin).slice(0, 200), path: pathname });
      refuseUpgrade(socket, 403, "Forbidden");
      return;
    }
    route.handler(request, socket, head);
  };
}

export function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Browsers always send Origin on WebSocket upgrades; other clients may not, and are allowed. */
export function originChecker(allowed: readonly string[]): (origin: string | undefined) => boolean {
  const set = new Set(allowed.map((o) => o.replace(/\/$/, "").toLowerCase()));
  return (origin) => origin === undefined || set.has(origin.toLowerCase());
}
