import { cascadePaths } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { openStream, useCascadeWorld } from "./cascade-world.ts";

/**
 * Each live cascade page holds a socket open on the server, so one person may hold only a few: a
 * script opening stream after stream is refused in words, and closing a page frees its place.
 */

const w = useCascadeWorld();

describe("live cascade streams per person", () => {
  it("refuses a ninth open stream with a sentence, and takes a new one once a page closes", async () => {
    const path = cascadePaths.modelEvents(w.models.SM.id);
    const open = [];
    for (let i = 0; i < 8; i++) open.push(await openStream(w.url, path, w.admin));
    try {
      const refused = await fetch(`${w.url}${path}`, {
        headers: { Cookie: w.admin, Origin: w.url },
      });
      expect(refused.status).toBe(429);
      expect((await refused.json()).error.message).toBe(
        "At most 8 live cascade pages may be open per person; close one and reload.",
      );

      open.pop()?.close();
      // The server hears the close when the socket ends; a new page then gets its place.
      let again: Awaited<ReturnType<typeof openStream>> | undefined;
      for (let tries = 0; tries < 50 && !again; tries++) {
        again = await openStream(w.url, path, w.admin).catch(() => undefined);
        if (!again) await new Promise((r) => setTimeout(r, 100));
      }
      expect(again).toBeDefined();
      if (again) open.push(again);
    } finally {
      for (const s of open) s.close();
    }
  });
});
