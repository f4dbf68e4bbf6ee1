import { describe, expect, it } from "vitest";
import {
  markReadBodySchema,
  NOTIFICATION_LIMITS,
  notificationHref,
  notificationText,
} from "../src/index.ts";

describe("the inbox's words and links", () => {
  it("says who did what where, cutting a long comment", () => {
    expect(notificationText("mention", "Ann", "Look at this", "Reading plan")).toBe(
      "Ann mentioned you in “Reading plan”: Look at this",
    );
    expect(notificationText("reply", undefined, "Yes", "Plan")).toBe(
      "Someone replied to your conversation in “Plan”: Yes",
    );
    const long = notificationText("mention", "Ann", "x".repeat(1_000), "P");
    expect(long.endsWith(`${"x".repeat(NOTIFICATION_LIMITS.excerpt - 1)}…`)).toBe(true);
  });

  it("leads to the model, and the card and conversation when named", () => {
    expect(notificationHref({ modelId: "m1", modelTitle: "P" })).toBe("/m/m1");
    expect(notificationHref({ modelId: "m1", modelTitle: "P", nodeId: "S1", threadId: "t1" })).toBe(
      "/m/m1?card=S1&thread=t1",
    );
  });

  it("refuses an empty or oversized mark-read request in words", () => {
    expect(markReadBodySchema.safeParse({ ids: [] }).error?.issues[0]?.message).toBe(
      "name at least one item",
    );
    const many = Array.from({ length: NOTIFICATION_LIMITS.perPage + 1 }, (_, i) => `n${i}`);
    expect(markReadBodySchema.safeParse({ ids: many }).error?.issues[0]?.message).toMatch(
      /at most 100 items/,
    );
  });
});
