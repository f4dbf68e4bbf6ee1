import { describe, expect, it } from "vitest";
import { CLOSE_REASONS, closeReason, explainClose, parseCloseReason } from "../src/index.ts";

describe("close reasons", () => {
  it("round-trip from the server's string to the code and message", () => {
    for (const code of Object.keys(CLOSE_REASONS) as (keyof typeof CLOSE_REASONS)[]) {
      expect(parseCloseReason(closeReason(code))).toEqual({
        code,
        message: CLOSE_REASONS[code].message,
      });
    }
  });

  it("turn the server's reasons into words and say whether retrying helps", () => {
    expect(explainClose(closeReason("read-only"))).toEqual({
      code: "read-only",
      message:
        "Your link lets you view this part of the model, not change it. The change was not saved.",
      retry: false,
    });
    expect(explainClose("link-revoked: x")?.retry).toBe(false);
    expect(explainClose(closeReason("server-shutdown"))).toMatchObject({
      message: "The server is restarting. Your work is kept. Reconnecting…",
      retry: true,
    });
  });

  it("keep the server's specific words and add what to do next", () => {
    const reason = closeReason(
      "invalid-write",
      'The server refused a change: "Coaches" cannot link to itself.',
    );
    expect(explainClose(reason)?.message).toBe(
      'The server refused a change: "Coaches" cannot link to itself. It was not saved. Reload to continue from the saved model.',
    );
  });

  it("read a bare code (a reason cut to fit a WebSocket close) and unknown codes", () => {
    expect(explainClose("bad-message")).toMatchObject({ code: "bad-message", retry: false });
    expect(explainClose("something-new: Plain words")).toEqual({
      code: "something-new",
      message: "Plain words",
      retry: true,
    });
    expect(explainClose("")).toBeUndefined();
    expect(explainClose(undefined)).toBeUndefined();
  });
});
