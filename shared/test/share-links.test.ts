import { describe, expect, it } from "vitest";
import {
  canManageLinks,
  isLinkExpired,
  LINK_LABEL_MAX,
  newLinkProblem,
  newLinkSchema,
  visibleLinkRoles,
} from "../src/index.ts";

describe("who sees which share links", () => {
  it("owners see every role's links, editors viewer and commenter only, others none", () => {
    expect(visibleLinkRoles("owner")).toEqual(["viewer", "commenter", "editor", "owner"]);
    expect(visibleLinkRoles("editor")).toEqual(["viewer", "commenter"]);
    expect(visibleLinkRoles("commenter")).toEqual([]);
    expect(visibleLinkRoles("viewer")).toEqual([]);
    expect(visibleLinkRoles("admin")).toEqual([]);
  });

  it("only owners manage links", () => {
    expect(canManageLinks("owner")).toBe(true);
    for (const role of ["editor", "commenter", "viewer", ""])
      expect(canManageLinks(role)).toBe(false);
  });
});

describe("a new link", () => {
  const inAMinute = () => new Date(Date.now() + 60_000).toISOString();

  it("takes a role alone, or with a label and a future expiry", () => {
    expect(newLinkSchema.parse({ role: "viewer" })).toEqual({ role: "viewer" });
    const at = inAMinute();
    expect(
      newLinkSchema.parse({ role: "commenter", label: " Board members ", expiresAt: at }),
    ).toEqual({ role: "commenter", label: "Board members", expiresAt: at });
    expect(newLinkProblem({ role: "viewer", expiresAt: null })).toBeNull();
  });

  it("treats a blank label as none", () => {
    expect(newLinkSchema.parse({ role: "viewer", label: "   " }).label).toBeUndefined();
  });

  it("refuses a label one character over the limit, keeps one at it", () => {
    expect(newLinkProblem({ role: "viewer", label: "a".repeat(LINK_LABEL_MAX) })).toBeNull();
    expect(newLinkProblem({ role: "viewer", label: "a".repeat(LINK_LABEL_MAX + 1) })).toBe(
      `The label must be at most ${LINK_LABEL_MAX} characters.`,
    );
  });

  it("refuses an expiry now or in the past, and one that is not a date", () => {
    expect(
      newLinkProblem({ role: "viewer", expiresAt: new Date(Date.now() - 1).toISOString() }),
    ).toBe("The expiry must be in the future.");
    expect(newLinkProblem({ role: "viewer", expiresAt: "next week" })).toBe(
      "The expiry must be a date and time.",
    );
    expect(newLinkProblem({ role: "viewer", expiresAt: inAMinute() })).toBeNull();
  });

  it("refuses a role that is not one", () => {
    expect(newLinkProblem({ role: "admin" as "viewer" })).toBe(
      "The role must be one of viewer, commenter, editor, owner.",
    );
  });
});

describe("expiry", () => {
  it("is reached at the expiry instant, not before", () => {
    const at = "2026-09-15T12:00:00.000Z";
    const t = Date.parse(at);
    expect(isLinkExpired(at, t - 1)).toBe(false);
    expect(isLinkExpired(at, t)).toBe(true);
    expect(isLinkExpired(null, t)).toBe(false);
  });
});
