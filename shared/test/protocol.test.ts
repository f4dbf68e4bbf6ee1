import { describe, expect, it } from "vitest";
import {
  closeReason,
  decodeClientMessage,
  decodeServerMessage,
  encodeClientMessage,
  encodeServerMessage,
  explainClose,
  fitCloseReason,
  REVISION_REASON_MAX,
} from "../src/index.ts";

/** UTF-8 length, each %XX escape one byte. */
const utf8 = (text: string) => encodeURIComponent(text).replace(/%../g, "x").length;

describe("the stateless protocol", () => {
  it("decodes what the other end encodes", () => {
    const reason = { type: "revision-reason", nodeId: "goal-1", reason: "Target moved." } as const;
    expect(decodeClientMessage(encodeClientMessage(reason))).toEqual({ ok: true, message: reason });
    const session = { type: "session", role: "editor", person: null } as const;
    expect(decodeServerMessage(encodeServerMessage(session))).toEqual(session);
    const notice = { type: "versions-changed" } as const;
    expect(decodeServerMessage(encodeServerMessage(notice))).toEqual(notice);
  });

  it("ignores payloads that are not its messages", () => {
    expect(decodeClientMessage("not json")).toBeNull();
    expect(decodeClientMessage('{"type":"something-else"}')).toBeNull();
    expect(decodeClientMessage('{"type":"x","note":"revision-reason"}')).toBeNull();
    expect(decodeServerMessage("not json")).toBeNull();
    expect(decodeServerMessage('{"type":"session","role":"admin","person":null}')).toBeNull();
  });

  it("refuses a malformed client message in words", () => {
    const long = encodeClientMessage({
      type: "revision-reason",
      nodeId: "goal-1",
      reason: "\n".repeat(6 * REVISION_REASON_MAX),
    });
    expect(decodeClientMessage(long)).toEqual({
      ok: false,
      refusal: `The reason was not saved: it is longer than ${REVISION_REASON_MAX} characters.`,
    });
    const bad = decodeClientMessage('{"type":"revision-reason","nodeId":"../x","reason":"y"}');
    expect(bad).toMatchObject({
      ok: false,
      refusal: expect.stringMatching(/^The reason .*nodeId/),
    });
  });
});

describe("fitting a close reason", () => {
  it("keeps a reason that fits and shrinks one of ours to its bare code", () => {
    expect(fitCloseReason(closeReason("bad-message"))).toBe(closeReason("bad-message"));
    expect(fitCloseReason(closeReason("too-many-on-link"))).toBe("too-many-on-link");
    expect(explainClose("too-many-on-link")?.code).toBe("too-many-on-link");
  });

  it("cuts anything else between characters within 123 bytes", () => {
    const cut = fitCloseReason(`unauthorized: ${"é".repeat(100)}🙂`);
    expect(utf8(cut)).toBeLessThanOrEqual(123);
    expect(cut.endsWith("é…")).toBe(true);
    const emoji = fitCloseReason("🙂".repeat(40));
    expect(utf8(emoji)).toBeLessThanOrEqual(123);
    expect(emoji).toBe(`${"🙂".repeat(30)}…`);
  });
});
