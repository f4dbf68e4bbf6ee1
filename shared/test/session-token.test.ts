import { describe, expect, it } from "vitest";
import { decodeSessionToken, encodeSessionToken } from "../src/index.ts";

describe("session tokens", () => {
  it("round-trips a link token with a person and a name", () => {
    const token = { link: "a".repeat(22), person: "s".repeat(43), name: "Ana Ruiz" };
    expect(decodeSessionToken(encodeSessionToken(token))).toEqual(token);
  });

  it("accepts a bare link token from plain integrations", () => {
    expect(decodeSessionToken("abcdefghijklmnopqrstuv")).toEqual({
      link: "abcdefghijklmnopqrstuv",
    });
  });

  it("refuses short, oversized, malformed and extra-field tokens", () => {
    expect(decodeSessionToken("short")).toBeNull();
    expect(decodeSessionToken("x".repeat(5_000))).toBeNull();
    expect(decodeSessionToken("{not json")).toBeNull();
    expect(decodeSessionToken(JSON.stringify({ link: "a".repeat(22), role: "owner" }))).toBeNull();
  });
});
