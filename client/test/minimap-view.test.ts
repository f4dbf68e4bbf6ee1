import { describe, expect, it } from "vitest";
import { flowAt, viewRect } from "../src/canvas/minimap-draw.ts";

describe("the overview map's view rectangle", () => {
  const frame = { x: -100, y: -50, scale: 0.05 };

  it("covers the part of the model the canvas shows, in map pixels", () => {
    // The canvas shows flow x 200…2200 and y 400…1600 (1000 × 600 screen pixels at zoom 0.5).
    const rect = viewRect(frame, { x: -100, y: -200, zoom: 0.5, width: 1000, height: 600 });
    expect(rect.x).toBeCloseTo((200 + 100) * 0.05);
    expect(rect.y).toBeCloseTo((400 + 50) * 0.05);
    expect(rect.width).toBeCloseTo(2000 * 0.05);
    expect(rect.height).toBeCloseTo(1200 * 0.05);
    // Its corners are the flow points at the view's corners.
    expect(flowAt(frame, rect.x, rect.y)).toEqual({
      x: expect.closeTo(200),
      y: expect.closeTo(400),
    });
  });

  it("moves without changing size when the canvas pans", () => {
    const view = { x: -100, y: -200, zoom: 0.5, width: 1000, height: 600 };
    const before = viewRect(frame, view);
    const after = viewRect(frame, { ...view, y: view.y - 300 });
    expect(after.width).toBe(before.width);
    expect(after.height).toBe(before.height);
    expect(after.y - before.y).toBeCloseTo((300 / 0.5) * 0.05);
  });
});
