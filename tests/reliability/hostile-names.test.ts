import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createModel } from "../support/index.ts";
import { useServerProcess } from "../support/server-process.ts";
import { authFrame, repoRoot } from "./support/harness.ts";
import { hostileNames } from "./support/hostile-names.ts";

/**
 * 10,000 hostile model ids over every HTTP route that takes one, and 10,000 hostile document names
 * over the WebSocket with a valid token: every one refused, and no file or folder anywhere named
 * after one (each name carries a marker; the temporary folder, DATA_DIR and the repository are
 * searched for it).
 */
const COUNT = Number(process.env.HOSTILE_NAMES ?? 10_000);
const marker = `zzhostile${randomBytes(4).toString("hex")}`;

let model: Awaited<ReturnType<typeof createModel>>;
let names: string[];
let dataBefore: string[];
let tmpBefore: string[];

function walk(dir: string, depth: number, out: string[] = []): string[] {
  if (depth < 0) return out;
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (entry.name === "node_modules" || entry.name === ".git") continue;
    const path = join(dir, entry.name);
    out.push(path);
    if (entry.isDirectory()) walk(path, depth - 1, out);
  }
  return out;
}

const server = useServerProcess({ limits: { apiRequestsPerSecond: 1_000_000 } });
beforeAll(async () => {
  model = await createModel(server.url);
  names = hostileNames(COUNT, marker, model.id);
  dataBefore = walk(server.dataDir, 5).sort();
  tmpBefore = readdirSync(tmpdir()).sort();
});

const ROUTES: [string, (id: string) => string, string?][] = [
  ["GET", (id) => `/api/models/${id}`],
  ["GET", (id) => `/api/models/${id}/export`],
  ["GET", (id) => `/api/models/${id}/validation`],
  ["PUT", (id) => `/api/models/${id}/content`, "{}"],
  ["GET", (id) => `/api/models/${id}/links`],
  ["POST", (id) => `/api/models/${id}/links`, '{"role":"viewer"}'],
  ["DELETE", (id) => `/api/models/${id}`],
  ["DELETE", (id) => `/api/models/${model.id}/links/${id}`],
];

/** Sends the path as written (no URL normalisation), so `../` reaches the server literally. */
function literal(method: string, path: string, body?: string): Promise<number> {
  const { hostname, port } = new URL(server.url);
  return new Promise((done) => {
    try {
      const req = request(
        {
          host: hostname,
          port,
          method,
          path,
          headers: {
            Authorization: `Bearer ${model.tokens.owner}`,
            "Content-Type": "application/json",
          },
        },
        (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        },
      );
      req.on("error", () => done(-1));
      req.end(body);
    } catch {
      // The HTTP client itself refuses to send this path (control characters): nothing reached the server.
      done(-2);
    }
  });
}

/** Every UTF-8 byte percent-encoded (encodeURIComponent refuses lone surrogates). */
const percentEncoded = (name: string) =>
  [...Buffer.from(name, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");

/** The document name and message type at the start of a Hocuspocus message. */
function header(data: Buffer): { name: string; type: number; next: number } | null {
  let length = 0;
  let shift = 0;
  let at = 0;
  for (; at < data.length; at++) {
    const b = data[at] as number;
    length += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) break;
  }
  at += 1;
  if (at + length >= data.length) return null;
  return {
    name: data.subarray(at, at + length).toString("utf8"),
    type: data[at + length] as number,
    next: data[at + length + 1] as number,
  };
}

describe(`${COUNT.toLocaleString("en")} hostile model ids and document names`, () => {
  it("every HTTP route answers 404 for each, raw or percent-encoded", async () => {
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < names.length) {
        const i = next++;
        const name = names[i] as string;
        const [method, path, body] = ROUTES[i % ROUTES.length] as (typeof ROUTES)[number];
        const encoded = await literal(method, path(percentEncoded(name)), body);
        const raw = await literal(method, path(name), body);
        for (const status of [encoded, raw]) statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    console.log(`hostile ids over HTTP: ${JSON.stringify(Object.fromEntries(statuses))}`);
    // 404 (no such model), 400/414/431 (a request line or header the HTTP parser refuses), or the
    // client would not send it at all.
    for (const status of statuses.keys()) expect([404, 400, 414, 431, -2]).toContain(status);
    expect(statuses.get(404) ?? 0).toBeGreaterThan(COUNT);
  });

  it("every WebSocket document name is refused, even with a valid token", async () => {
    let denied = 0;
    let authenticated = 0;
    const sessionAddressed: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < names.length) {
        const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab`);
        ws.on("error", () => {});
        await new Promise((r) => {
          ws.on("open", r);
          ws.on("close", r);
        });
        // Up to 50 names a socket (Hocuspocus allows 100 pending documents per socket).
        const batch = names.slice(next, next + 50);
        next += batch.length;
        let answered = 0;
        await new Promise<void>((done) => {
          const timer = setTimeout(done, 10_000);
          ws.on("message", (data: Buffer) => {
            // An auth answer: type 2, then 1 = permission denied, 2 = authenticated.
            const h = header(data);
            if (h?.type !== 2) return;
            // Hocuspocus reads "<document>\0<session>" as a session of <document> (several
            // sessions of one document on one socket): that is the real document, not a new one.
            const documentPart = h.name.split("\u0000")[0];
            if (h.next === 2 && h.name.includes("\u0000") && documentPart === model.id)
              sessionAddressed.push(h.name);
            else if (h.next === 2) {
              authenticated += 1;
              console.log(`authenticated: ${JSON.stringify(h.name.slice(0, 80))}`);
            } else if (h.next === 1) denied += 1;
            else return;
            answered += 1;
            if (answered === batch.length) {
              clearTimeout(timer);
              done();
            }
          });
          ws.on("close", () => {
            clearTimeout(timer);
            done();
          });
          for (const name of batch) ws.send(authFrame(name, model.tokens.owner));
        });
        ws.terminate();
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    console.log(
      `hostile document names: ${denied} denied, ${authenticated} authenticated, ${sessionAddressed.length} read as a session of the real document`,
    );
    expect(authenticated).toBe(0);
    expect(denied + sessionAddressed.length).toBe(COUNT);
  });

  it("nothing was created outside DATA_DIR, and nothing named after a hostile name inside it", async () => {
    const tmpAfter = readdirSync(tmpdir());
    expect(tmpAfter.filter((n) => n.includes(marker))).toEqual([]);
    const fresh = tmpAfter.filter(
      (n) => !tmpBefore.includes(n) && !n.startsWith("lc-") && !n.startsWith("vitest"),
    );
    console.log(
      `new entries in ${tmpdir()} during the run (other suites run in parallel): ${fresh.length}`,
    );
    const dataAfter = walk(server.dataDir, 5).sort();
    expect(
      dataAfter.filter(
        (p) => !dataBefore.includes(p) && !/logic-canvas\.sqlite(-wal|-shm)?$/.test(p),
      ),
    ).toEqual([]);
    expect(walk(repoRoot, 4).filter((p) => p.includes(marker))).toEqual([]);
    expect(walk("/", 1).filter((p) => p.includes(marker))).toEqual([]);
    expect(server.exit()).toBeNull();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
