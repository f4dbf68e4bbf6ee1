import { CONNECTION_LIMITS } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { colorFor, Presence, readPeer, UNNAMED_PEER } from "../src/collab/presence.ts";

/**
 * Names and roles next to avatars and cursors are the ones the server stamped on each presence
 * state (`person`, `role`), never the `user` a client wrote about itself: anyone could otherwise
 * appear as the owner, or as someone else.
 */

const SELF = 1;

describe("the presence reader", () => {
  it("shows the server-stamped person and role, not what the client claimed", () => {
    const peer = readPeer(
      7,
      {
        user: { name: "The Owner", role: "owner", color: "url(https://tracker.example/p.png)" },
        person: { id: "p-mallory", name: "Mallory" },
        role: "viewer",
      },
      SELF,
    );
    expect(peer?.user).toEqual({ name: "Mallory", role: "viewer", color: colorFor(7) });
  });

  it("shows a stamped bare-link peer as a guest, and an unstamped state not at all", () => {
    expect(
      readPeer(8, { user: { name: "Claimed" }, person: null, role: "viewer" }, SELF)?.user,
    ).toMatchObject({ name: UNNAMED_PEER, role: "viewer" });
    expect(readPeer(9, { user: { name: "Claimed", role: "owner" } }, SELF)).toBeNull();
    expect(readPeer(9, { person: { name: 5 }, role: "editor" }, SELF)).toBeNull();
    expect(readPeer(9, null, SELF)).toBeNull();
  });

  it("shows my own state as I set it (it never passes through the server)", () => {
    expect(readPeer(SELF, { user: { name: "Me", role: "editor" } }, SELF)?.user).toMatchObject({
      name: "Me",
      role: "editor",
    });
  });

  it("keeps only well-formed cursors, viewports and selections", () => {
    const peer = readPeer(
      7,
      {
        person: { id: "p", name: "Ana" },
        role: "editor",
        cursor: { x: "1", y: 2 },
        viewport: { x: 1, y: 2, zoom: Number.NaN },
        selection: ["a", 5, "b", ...Array(CONNECTION_LIMITS.presenceSelectionIds).fill("c")],
      },
      SELF,
    );
    expect(peer?.cursor).toBeUndefined();
    expect(peer?.viewport).toBeUndefined();
    expect(peer?.selection.slice(0, 2)).toEqual(["a", "b"]);
    expect(peer?.selection).toHaveLength(CONNECTION_LIMITS.presenceSelectionIds);
  });
});

it("the presence list of a page names peers by their stamped identity", () => {
  const mine = new Awareness(new Y.Doc());
  const theirs = new Awareness(new Y.Doc());
  const presence = new Presence(mine);
  presence.setUser({ name: "Me", role: "editor" });
  theirs.setLocalState({
    user: { name: "The Owner", role: "owner" },
    person: { id: "p-mallory", name: "Mallory" },
    role: "commenter",
  });
  applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), "server");
  const names = presence.getPeers().map((p) => `${p.user.name}:${p.user.role}:${p.self}`);
  expect(names).toEqual(["Me:editor:true", "Mallory:commenter:false"]);
  presence.destroy();
});
