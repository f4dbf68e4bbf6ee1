import { request } from "node:http";
import { connect, type Socket } from "node:net";

/** The status a server answered a raw request with, when, and when the socket ended. */
export interface SlowUpload {
  status: () => number | undefined;
  /** Body bytes the server let this upload write before it ended or answered. */
  ended: () => boolean;
  endedAfterMs: () => number | undefined;
  response: () => string;
  destroy(): void;
}

/**
 * An upload that declares `declared` bytes, sends `sent` of them at once and then one byte a
 * second, from `localAddress` (any 127.x.y.z address works on loopback): the slow-upload attack.
 */
export function slowUpload(
  url: string,
  path: string,
  options: { declared: number; sent: number; localAddress: string },
): SlowUpload {
  const { hostname, port } = new URL(url);
  const started = performance.now();
  let endedAt: number | undefined;
  let text = "";
  const socket: Socket = connect({
    host: hostname,
    port: Number(port),
    localAddress: options.localAddress,
  });
  socket.on("error", () => {});
  socket.on("data", (d) => {
    text = (text + String(d)).slice(0, 4_000);
  });
  socket.on("close", () => {
    endedAt ??= performance.now() - started;
    clearInterval(trickle);
  });
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${options.declared}\r\n\r\n`,
  );
  socket.write(Buffer.alloc(options.sent, 0x20));
  const trickle = setInterval(() => {
    if (!socket.destroyed) socket.write(" ");
  }, 1_000);
  return {
    status: () => {
      const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
      return match ? Number(match[1]) : undefined;
    },
    ended: () => endedAt !== undefined || text.length > 0,
    endedAfterMs: () => endedAt,
    response: () => text,
    destroy: () => {
      clearInterval(trickle);
      socket.destroy();
    },
  };
}

/** A request from a chosen loopback source address (fetch cannot choose one). */
export function requestFrom(
  url: string,
  path: string,
  options: {
    localAddress?: string;
    method?: string;
    body?: string;
    contentType?: string | null;
    token?: string;
  } = {},
): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = {};
  if (options.contentType !== null)
    headers["Content-Type"] = options.contentType ?? "application/json";
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined)
    headers["Content-Length"] = String(Buffer.byteLength(options.body));
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      {
        method: options.method ?? "POST",
        headers,
        localAddress: options.localAddress,
        agent: false,
      },
      (res) => {
        let text = "";
        res.on("data", (d) => {
          text += String(d);
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}
