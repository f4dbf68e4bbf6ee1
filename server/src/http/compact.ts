import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";

const gzipAsync = promisify(gzip);

/** Answers smaller than this go out as they are: compressing them costs more than it saves. */
const COMPRESS_FROM_BYTES = 32 * 1024;

/**
 * A large JSON answer (a district's map or progress rows: megabytes of repeated field names and
 * workspace names) sent gzip-compressed when the browser accepts it, in the thread pool so the
 * event loop stays free. Only for answers without secrets (no tokens, no links): a compressed
 * secret beside text an attacker chooses is what BREACH reads.
 */
export async function sendCompact(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: unknown,
): Promise<FastifyReply> {
  const json = Buffer.from(JSON.stringify(answer));
  const accepts = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
  reply.type("application/json; charset=utf-8").header("Vary", "Accept-Encoding");
  if (!accepts || json.length < COMPRESS_FROM_BYTES) return reply.send(json);
  // Level 4: JSON this repetitive shrinks ~10× already; higher levels cost CPU for a few %.
  const body = await gzipAsync(json, { level: 4 });
  return reply.header("Content-Encoding", "gzip").send(body);
}
