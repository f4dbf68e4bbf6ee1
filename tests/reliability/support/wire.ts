import { AUTH_MESSAGE, MESSAGE_TYPE, SYNC_STEP } from "@logic-canvas/shared";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";

/**
 * Both WebSocket protocols at the byte level, so that a test can send exactly one message of each
 * type (which a provider never lets you do) and see exactly what the server answers.
 * `/collab` (Hocuspocus): varString(documentName), varUint(type), payload.
 * `/yjs/<doc>` (y-websocket): the same without the document name; the token is a URL parameter.
 */

/** Message types and sync steps, short names for the frames tests build by hand. */
export const T = MESSAGE_TYPE;
export const SYNC = SYNC_STEP;

/** lib0's variable-length encodings (what Yjs and Hocuspocus use), as byte arrays to splice. */
export const varUint = (n: number): number[] =>
  Array.from(encoding.encode((e) => encoding.writeVarUint(e, n)));
export const varBytes = (bytes: ArrayLike<number>): number[] =>
  Array.from(encoding.encode((e) => encoding.writeVarUint8Array(e, Uint8Array.from(bytes))));
export const varString = (s: string): number[] =>
  Array.from(encoding.encode((e) => encoding.writeVarString(e, s)));

class Reader {
  pos = 0;
  constructor(private readonly bytes: Uint8Array) {}
  uint(): number {
    let n = 0;
    let mult = 1;
    for (;;) {
      const b = this.bytes[this.pos++];
      if (b === undefined) throw new Error("truncated");
      n += (b & 0x7f) * mult;
      if (b < 0x80) return n;
      mult *= 128;
    }
  }
  bytesField(): Uint8Array {
    const len = this.uint();
    const out = this.bytes.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }
  string(): string {
    return new TextDecoder().decode(this.bytesField());
  }
  get done(): boolean {
    return this.pos >= this.bytes.length;
  }
}

/** A y-protocols awareness update: each entry is [clientId, clock, state or null]. */
export function awarenessUpdate(entries: [number, number, unknown][]): number[] {
  return [
    ...varUint(entries.length),
    ...entries.flatMap(([id, clock, state]) => [
      ...varUint(id),
      ...varUint(clock),
      ...varString(JSON.stringify(state)),
    ]),
  ];
}

export function readAwareness(update: Uint8Array): Map<number, unknown> {
  const r = new Reader(update);
  const states = new Map<number, unknown>();
  const n = r.uint();
  for (let i = 0; i < n; i += 1) {
    const id = r.uint();
    r.uint();
    states.set(id, JSON.parse(r.string()));
  }
  return states;
}

/** One message body (type and payload, without the document name). */
export type Body = number[];
export const body = {
  auth: (token: string): Body => [T.auth, AUTH_MESSAGE.token, ...varString(token)],
  syncStep1: (stateVector: Uint8Array): Body => [T.sync, SYNC.step1, ...varBytes(stateVector)],
  syncStep2: (update: Uint8Array): Body => [T.sync, SYNC.step2, ...varBytes(update)],
  update: (update: Uint8Array): Body => [T.sync, SYNC.update, ...varBytes(update)],
  awareness: (entries: [number, number, unknown][]): Body => [
    T.awareness,
    ...varBytes(awarenessUpdate(entries)),
  ],
  queryAwareness: (): Body => [T.queryAwareness],
  stateless: (payload: string): Body => [T.stateless, ...varString(payload)],
  close: (): Body => [T.close],
};

/** What the server sent, decoded. `doc` is undefined on `/yjs`, which carries no name. */
export type Frame =
  | { doc?: string; kind: "auth-ok"; scope: string }
  | { doc?: string; kind: "auth-denied"; reason: string }
  | { doc?: string; kind: "sync"; step: number; data: Uint8Array }
  | { doc?: string; kind: "awareness"; states: Map<number, unknown> }
  | { doc?: string; kind: "stateless"; payload: string }
  | { doc?: string; kind: "close"; reason: string }
  | { doc?: string; kind: "other"; type: number };

function decode(bytes: Uint8Array, named: boolean): Frame {
  const r = new Reader(bytes);
  const doc = named ? r.string() : undefined;
  const type = r.uint();
  switch (type) {
    case T.sync:
    case T.syncReply:
      return { doc, kind: "sync", step: r.uint(), data: r.bytesField() };
    case T.awareness:
      return { doc, kind: "awareness", states: readAwareness(r.bytesField()) };
    case T.auth: {
      const sub = r.uint();
      if (sub === AUTH_MESSAGE.authenticated) return { doc, kind: "auth-ok", scope: r.string() };
      if (sub === AUTH_MESSAGE.permissionDenied)
        return { doc, kind: "auth-denied", reason: r.string() };
      return { doc, kind: "other", type };
    }
    case T.stateless:
      return { doc, kind: "stateless", payload: r.string() };
    case T.close:
      return { doc, kind: "close", reason: r.string() };
    default:
      return { doc, kind: "other", type };
  }
}

export type Endpoint = "collab" | "yjs";

export interface RawClient {
  endpoint: Endpoint;
  frames: Frame[];
  /** The WebSocket close, once it happened. */
  closed: { code: number; reason: string } | null;
  send(doc: string, message: Body): void;
  /** Resolves with the first frame (from index `from`) that `match` accepts. */
  next(match: (f: Frame) => boolean, what: string, from?: number): Promise<Frame>;
  waitClosed(): Promise<{ code: number; reason: string }>;
  /** Round trip on `doc`: once it returns, every earlier message of this socket was handled. */
  barrier(doc: string): Promise<Frame>;
  end(): Promise<void>;
}

const WAIT_MS = 5_000;

/** `cookie`: a signed-in person's session, sent with the upgrade request as a browser would. */
type RawOptions = { doc?: string; token?: string; origin?: string; cookie?: string };

/** `/collab` is one URL for every document; `/yjs` names the document and token in the URL. */
function socketUrl(baseUrl: string, endpoint: Endpoint, options: RawOptions): string {
  const wsBase = baseUrl.replace(/^http/, "ws");
  if (endpoint === "collab") return `${wsBase}/collab`;
  const query = options.token === undefined ? "" : `?token=${encodeURIComponent(options.token)}`;
  return `${wsBase}/yjs/${options.doc}${query}`;
}

/** Everything the socket received, and a way to wait (with a deadline) for what a test expects. */
interface SocketLog {
  frames: Frame[];
  readonly closed: { code: number; reason: string } | null;
  until<R>(check: () => R | undefined, what: string): Promise<R>;
}

function logSocket(ws: WebSocket, named: boolean): SocketLog {
  const frames: Frame[] = [];
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  let closed: { code: number; reason: string } | null = null;
  ws.on("error", () => {});
  ws.on("message", (data: Buffer) => {
    frames.push(decode(new Uint8Array(data), named));
    wake();
  });
  ws.on("close", (code, reason) => {
    closed = { code, reason: String(reason) };
    wake();
  });
  // Checked on every frame and on close, so a wait ends as soon as its answer arrives.
  const until = <R>(check: () => R | undefined, what: string): Promise<R> =>
    new Promise((done, fail) => {
      const test = () => {
        const got = check();
        if (got === undefined) return false;
        clearTimeout(timer);
        waiters.delete(listener);
        done(got);
        return true;
      };
      const listener = () => void test();
      const timer = setTimeout(() => {
        waiters.delete(listener);
        fail(new Error(`timed out waiting for ${what}; closed: ${JSON.stringify(closed)}`));
      }, WAIT_MS);
      waiters.add(listener);
      test();
    });
  return {
    frames,
    get closed() {
      return closed;
    },
    until,
  };
}

/** Resolves once the socket is open, or closed at once (a test may expect exactly that). */
function opened(ws: WebSocket): Promise<void> {
  return new Promise<void>((done, fail) => {
    ws.once("open", () => done());
    ws.once("unexpected-response", (_req, res) =>
      fail(new Error(`upgrade refused: ${res.statusCode}`)),
    );
    ws.once("close", () => done());
  });
}

/**
 * Opens a raw socket. On `/collab` nothing is sent yet (authenticate with `send(doc, body.auth())`);
 * on `/yjs` the document and token are part of the URL, as y-websocket sends them.
 */
export async function openRaw(
  baseUrl: string,
  endpoint: Endpoint,
  options: RawOptions = {},
): Promise<RawClient> {
  const ws = new WebSocket(socketUrl(baseUrl, endpoint, options), {
    ...(options.origin ? { origin: options.origin } : {}),
    ...(options.cookie ? { headers: { Cookie: options.cookie } } : {}),
  });
  const log = logSocket(ws, endpoint === "collab");
  const { frames, until } = log;
  await opened(ws);

  const client: RawClient = {
    endpoint,
    frames,
    get closed() {
      return log.closed;
    },
    send(doc, message) {
      if (ws.readyState !== WebSocket.OPEN) return;
      const bytes = endpoint === "collab" ? [...varString(doc), ...message] : message;
      ws.send(Uint8Array.from(bytes));
    },
    next(match, what, from = 0) {
      return until(() => frames.slice(from).find(match), what);
    },
    waitClosed() {
      return until(() => log.closed ?? undefined, "the socket to close");
    },
    async barrier(doc) {
      const from = frames.length;
      client.send(doc, body.syncStep1(new Uint8Array([0])));
      return client.next(
        (f) => f.kind === "sync" && f.step === SYNC.step2 && (f.doc === undefined || f.doc === doc),
        `a sync reply on ${doc}`,
        from,
      );
    },
    async end() {
      if (log.closed) return;
      ws.terminate();
      await until(() => log.closed ?? undefined, "the socket to end");
    },
  };
  return client;
}

/** Refused upgrades: the HTTP status, or "open" when the upgrade was accepted. */
export function tryUpgrade(url: string, origin?: string): Promise<number | "open"> {
  return new Promise((done) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.on("error", () => {});
    ws.once("open", () => {
      ws.terminate();
      done("open");
    });
    ws.once("unexpected-response", (_req, res) => {
      done(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
  });
}
