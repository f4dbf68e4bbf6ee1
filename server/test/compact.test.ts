import { gunzipSync } from "node:zlib";
import Fastify from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { sendCompact } from "../src/http/compact.ts";

/** Large cascade answers go out gzip-compressed to a browser that accepts it, and only then. */

const rows = Array.from({ length: 2_000 }, (_, i) => ({
  modelTitle: "Grade 3 plan",
  workspaceName: "Lincoln Elementary",
  title: `Reading proficiency ${i}`,
}));
const small = { rows: rows.slice(0, 3) };
const app = Fastify();
app.get("/big", (request, reply) => sendCompact(request, reply, { rows }));
app.get("/small", (request, reply) => sendCompact(request, reply, small));
afterAll(() => app.close());

describe("compact answers", () => {
  it("gzips a large answer for a browser that accepts gzip, to a tenth of its size or less", async () => {
    const response = await app.inject({ url: "/big", headers: { "accept-encoding": "gzip, br" } });
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(response.headers.vary).toContain("Accept-Encoding");
    const plain = JSON.stringify({ rows });
    expect(response.rawPayload.length).toBeLessThan(plain.length / 10);
    expect(JSON.parse(gunzipSync(response.rawPayload).toString())).toEqual({ rows });
  });

  it("sends it plain to a client that does not accept gzip, and small answers always plain", async () => {
    const plain = await app.inject({ url: "/big" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.json()).toEqual({ rows });
    const tiny = await app.inject({ url: "/small", headers: { "accept-encoding": "gzip" } });
    expect(tiny.headers["content-encoding"]).toBeUndefined();
    expect(tiny.json()).toEqual(small);
  });
});
