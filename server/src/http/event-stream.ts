import type { FastifyReply } from "fastify";
import { ApiError } from "./respond.ts";

/**
 * One server-sent event stream, the way every live page of Logic Canvas follows the server (the
 * cascade's map and marks, the inbox): the reply is taken over from Fastify, a comment opens it so
 * proxies flush the headers, a keep-alive comment every `keepAliveMs` keeps idle proxies from
 * closing it, and `onClose` runs once when the browser goes away.
 *
 * Each stream holds a socket open, so streams are counted against caps (`StreamCaps`) before one
 * opens: a caller past them gets a 429 in words, never a silently dead page.
 */
export interface EventStream {
  /** Writes one event; nothing once the browser has gone. */
  send(event: string, data: unknown): void;
  readonly ended: boolean;
}

export interface EventStreamOptions {
  keepAliveMs: number;
  onClose: () => void;
}

export function openEventStream(reply: FastifyReply, options: EventStreamOptions): EventStream {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-cache, no-transform",
    Connection: "keep-alive",
    // Nginx buffers responses by default, which would hold events back.
    "X-Accel-Buffering": "no",
  });
  raw.write(": open\n\n");
  const keepAlive = setInterval(() => raw.write(": keep-alive\n\n"), options.keepAliveMs);
  keepAlive.unref();
  raw.once("close", () => {
    clearInterval(keepAlive);
    options.onClose();
  });
  return {
    send(event, data) {
      if (raw.writableEnded) return;
      raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    get ended() {
      return raw.writableEnded;
    },
  };
}

export interface StreamCapsConfig {
  /** Streams one person may hold open at once. */
  perPerson: number;
  /** Streams one process holds open at once, for everyone. */
  perProcess: number;
  /** The 429's sentence when a person is past their cap. */
  refusal: string;
}

/** Open streams per person and in all, against the caps. */
export class StreamCaps {
  private readonly perPerson = new Map<string, number>();
  private open = 0;

  constructor(private readonly config: StreamCapsConfig) {}

  /** Counts a new stream for `personId`, or refuses it; the returned function releases it. */
  take(personId: string): () => void {
    const mine = this.perPerson.get(personId) ?? 0;
    if (mine >= this.config.perPerson || this.open >= this.config.perProcess)
      throw new ApiError(429, "too-many-streams", this.config.refusal);
    this.open += 1;
    this.perPerson.set(personId, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.open -= 1;
      const left = (this.perPerson.get(personId) ?? 1) - 1;
      if (left > 0) this.perPerson.set(personId, left);
      else this.perPerson.delete(personId);
    };
  }
}
