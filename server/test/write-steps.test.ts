import * as encoding from "lib0/encoding";
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import type { ConnectionContext } from "../src/access/context.ts";
import { handlingOf, sourceOf, UPDATE_ORIGINS } from "../src/extensions/update-origins.ts";
import {
  applied,
  type DocGate,
  durable,
  permitted,
  readable,
  valid,
} from "../src/extensions/write-steps.ts";
import { type DocValidator, OUT_OF_SYNC, ShadowDoc } from "../src/gate/shadow.ts";
import { CloseError } from "../src/runtime/close-reasons.ts";
import type { Logger } from "../src/runtime/logger.ts";

/** A Hocuspocus sync message: document name, message type 0 (sync), sync step, payload. */
function syncMessage(step: number, payload: Uint8Array, name = "doc"): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, name);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function updateOf(change: (doc: Y.Doc) => void, base?: Y.Doc): Uint8Array {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

function refusalOf(run: () => unknown): CloseError {
  try {
    run();
  } catch (error) {
    if (error instanceof CloseError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function asyncRefusalOf(run: () => Promise<unknown>): Promise<CloseError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof CloseError) return error;
  throw new Error(`expected a refusal, got ${String(error)}`);
}

const editor: ConnectionContext = {
  role: "editor",
  linkId: "link",
  linkExpiresAt: null,
  accountId: null,
  modelId: "model",
  docKind: "graph",
  person: null,
};

/** Refuses any write of the key `bad` to the map `m`. */
const validator: DocValidator = {
  define: (doc) => {
    doc.getMap("m");
  },
  check: (shadow) => (shadow.getMap("m").has("bad") ? "no bad keys allowed." : null),
};

const quietLogger = (): Logger => ({
  debug: vi.fn(),
  info: vi.fn(),
  warn: vi.fn(),
  error: vi.fn(),
});

describe("write step 1: readable", () => {
  it("returns the update of a sync update or sync step 2", () => {
    const update = updateOf((doc) => doc.getMap("m").set("a", 1));
    expect(readable(syncMessage(2, update))).toEqual(update);
    expect(readable(syncMessage(1, update))).toEqual(update);
  });

  it("passes messages that carry no update: another type, a sync step 1, an empty update", () => {
    const awareness = encoding.createEncoder();
    encoding.writeVarString(awareness, "doc");
    encoding.writeVarUint(awareness, 1);
    expect(readable(encoding.toUint8Array(awareness))).toBeNull();
    expect(readable(syncMessage(0, Y.encodeStateVector(new Y.Doc())))).toBeNull();
    expect(readable(syncMessage(2, new Uint8Array([0, 0])))).toBeNull();
  });

  it("refuses a message it cannot read with bad-message", () => {
    const truncated = refusalOf(() => readable(syncMessage(2, new Uint8Array([1, 2])).slice(0, 6)));
    expect(truncated.closeCode).toBe("bad-message");
    expect(truncated.reason).toContain("The server could not read a message:");
    const unknownStep = refusalOf(() => readable(syncMessage(7, new Uint8Array([0]))));
    expect(unknownStep.closeCode).toBe("bad-message");
    expect(unknownStep.reason).toContain("unknown sync message type 7");
  });

  it("refuses an update Yjs must not decode with bad-message, before Yjs reads it", () => {
    // Claims 2^31 structs in a handful of bytes.
    const hostile = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x07, 0x00]);
    const refusal = refusalOf(() => readable(syncMessage(2, hostile)));
    expect(refusal.closeCode).toBe("bad-message");
    expect(refusal.reason).toContain("The server could not read a change:");
  });
});

describe("write step 2: permitted", () => {
  const document = new Y.Doc();
  document.getMap("m").set("a", 1);
  const known = Y.encodeStateAsUpdate(document);
  const fresh = updateOf((doc) => doc.getMap("m").set("b", 2), document);

  it("lets a writable connection write", () => {
    expect(permitted(fresh, { readOnly: false, context: editor }, document)).toBe(true);
  });

  it("lets a read-only connection re-send what the document holds, unwritten", () => {
    expect(permitted(known, { readOnly: true, context: editor }, document)).toBe(false);
  });

  it("refuses a read-only connection's change with read-only", () => {
    const viewer = { ...editor, role: "viewer" as const };
    const refusal = refusalOf(() =>
      permitted(fresh, { readOnly: true, context: viewer }, document),
    );
    expect(refusal.closeCode).toBe("read-only");
    expect(refusal.reason).not.toContain("display name");
  });

  it("tells an unnamed commenter on the review document to choose a display name", () => {
    const commenter = { ...editor, role: "commenter" as const, docKind: "review" as const };
    const refusal = refusalOf(() =>
      permitted(fresh, { readOnly: true, context: commenter }, document),
    );
    expect(refusal.closeCode).toBe("read-only");
    expect(refusal.reason).toContain("choose a display name first");
  });
});

describe("write step 3: valid", () => {
  const gateOn = (document: Y.Doc): DocGate => ({ shadow: new ShadowDoc(document), validator });

  it("has nothing to check on a document without a gate", () => {
    expect(valid(new Uint8Array([0, 0]), undefined, undefined, vi.fn())).toBeUndefined();
  });

  it("refuses a connection without a context with unauthorized", () => {
    const refusal = refusalOf(() =>
      valid(
        updateOf((d) => d.getMap("m").set("a", 1)),
        gateOn(new Y.Doc()),
        undefined,
        vi.fn(),
      ),
    );
    expect(refusal.closeCode).toBe("unauthorized");
  });

  it("returns the shadow generation that accepted a valid update", () => {
    const gate = gateOn(new Y.Doc());
    gate.shadow.rebuild();
    const update = updateOf((d) => d.getMap("m").set("a", 1));
    expect(valid(update, gate, editor, vi.fn())).toBe(1);
  });

  it("refuses an invalid update with invalid-write and its reason, and reports it", () => {
    const report = vi.fn();
    const gate = gateOn(new Y.Doc());
    const update = updateOf((d) => d.getMap("m").set("bad", 1));
    const refusal = refusalOf(() => valid(update, gate, editor, report));
    expect(refusal.closeCode).toBe("invalid-write");
    expect(refusal.reason).toContain("The server refused a change: no bad keys allowed.");
    expect(report).toHaveBeenCalledWith("no bad keys allowed.");
    expect(gate.shadow.generation).toBe(1);
  });

  it("refuses an update that depends on unseen changes with out-of-sync", () => {
    const writer = new Y.Doc();
    writer.getMap("m").set("a", 1);
    const seen = Y.encodeStateVector(writer);
    writer.getMap("m").set("b", 2);
    // The writer's second change, without its first.
    const later = Y.encodeStateAsUpdate(writer, seen);
    const report = vi.fn();
    const refusal = refusalOf(() => valid(later, gateOn(new Y.Doc()), editor, report));
    expect(refusal.closeCode).toBe("out-of-sync");
    expect(report).not.toHaveBeenCalledWith(OUT_OF_SYNC);
  });
});

describe("write step 4: durable", () => {
  const update = new Uint8Array([1, 2, 3]);

  it("resolves once the update is appended", async () => {
    const append = vi.fn(async () => 1);
    await durable({ append }, "doc", update, quietLogger());
    expect(append).toHaveBeenCalledWith("doc", update);
  });

  it("passes a refusal of the store on", async () => {
    const append = vi.fn(async () => {
      throw new CloseError("model-deleted");
    });
    const refusal = await asyncRefusalOf(() => durable({ append }, "doc", update, quietLogger()));
    expect(refusal.closeCode).toBe("model-deleted");
  });

  it("turns a storage failure into storage-error, logged", async () => {
    const logger = quietLogger();
    const append = vi.fn(async () => {
      throw new Error("disk full");
    });
    const refusal = await asyncRefusalOf(() => durable({ append }, "doc", update, logger));
    expect(refusal.closeCode).toBe("storage-error");
    expect(refusal.reason).toContain("could not be saved");
    expect(logger.error).toHaveBeenCalledWith("append-failed", {
      document: "doc",
      error: expect.stringContaining("disk full"),
    });
  });
});

describe("write step 5: applied", () => {
  it("mirrors an applied update unless the shadow accepted it in its current generation", () => {
    const shadow = new ShadowDoc(new Y.Doc());
    const mirror = vi.spyOn(shadow, "mirror");
    const update = new Uint8Array([0, 0]);
    applied(shadow, update, 0);
    expect(mirror).not.toHaveBeenCalled();
    applied(shadow, update, undefined);
    shadow.rebuild();
    applied(shadow, update, 0);
    expect(mirror).toHaveBeenCalledTimes(2);
  });
});

describe("update origins", () => {
  it("reads Hocuspocus's origins as client, server, peer or untagged", () => {
    expect(sourceOf({ source: "connection", connection: {} })).toBe("client");
    expect(sourceOf({ source: "local" })).toBe("server");
    expect(sourceOf({ source: "redis" })).toBe("peer");
    expect(sourceOf(null)).toBe("untagged");
    expect(sourceOf("migration")).toBe("untagged");
  });

  it("stores client updates before they apply, server ones after, and never a peer's", () => {
    expect(handlingOf({ source: "connection", connection: {} }).stored).toBe("before-applied");
    expect(handlingOf({ source: "local" }).stored).toBe("after-applied");
    expect(handlingOf(undefined).stored).toBe("after-applied");
    expect(handlingOf({ source: "redis" }).stored).toBe("by-its-process");
  });

  it("validates only client updates, records client and server ones, relays all but a peer's", () => {
    const sources = Object.keys(UPDATE_ORIGINS) as (keyof typeof UPDATE_ORIGINS)[];
    expect(sources.filter((s) => UPDATE_ORIGINS[s].validated)).toEqual(["client"]);
    expect(sources.filter((s) => UPDATE_ORIGINS[s].recorded)).toEqual(["client", "server"]);
    expect(sources.filter((s) => !UPDATE_ORIGINS[s].relayedToPeers)).toEqual(["peer"]);
  });
});
