import { coachingTemplate, type LogicModel } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { modelSvg, wrapText } from "../src/exports/model-svg.ts";

/** About right for a 13.5 px sans-serif: enough to wrap like the browser does, give or take. */
const measure = (text: string) => text.length * 7;

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

describe("the model as SVG", () => {
  const model = coachingTemplate();

  it("draws every card, with its full title, and every link, in plain SVG", () => {
    const { svg, width, height } = modelSvg(model, measure);
    const doc = parse(svg);
    expect(doc.documentElement.nodeName).toBe("svg");
    expect(Number(doc.documentElement.getAttribute("width"))).toBe(width);
    expect(Number(doc.documentElement.getAttribute("height"))).toBe(height);
    // Slide and document tools show nothing of HTML inside an SVG.
    expect(svg).not.toContain("foreignObject");
    const cards = [...doc.querySelectorAll("g.card")];
    expect(cards.map((c) => c.querySelector("title")?.textContent).sort()).toEqual(
      model.nodes.map((n) => n.title).sort(),
    );
    expect(doc.querySelectorAll("path.link")).toHaveLength(model.edges.length);
    expect(doc.documentElement.textContent).toContain(model.masteryGoal);
  });

  it("keeps every card inside the image", () => {
    const { svg, width, height } = modelSvg(model, measure);
    const doc = parse(svg);
    const shift = doc.querySelector("svg > g")?.getAttribute("transform") ?? "";
    const [dx, dy] = (/translate\(([-\d.]+) ([-\d.]+)\)/.exec(shift) ?? []).slice(1).map(Number);
    for (const card of doc.querySelectorAll("g.card")) {
      const [x, y] = (
        /translate\(([-\d.]+) ([-\d.]+)\)/.exec(card.getAttribute("transform") ?? "") ?? []
      )
        .slice(1)
        .map(Number);
      const h = Number(card.querySelector("rect")?.getAttribute("height"));
      expect((x as number) + (dx as number)).toBeGreaterThanOrEqual(0);
      expect((x as number) + (dx as number) + 240).toBeLessThanOrEqual(width);
      expect((y as number) + (dy as number)).toBeGreaterThanOrEqual(0);
      expect((y as number) + (dy as number) + h).toBeLessThanOrEqual(height);
    }
  });

  it("escapes what a title may hold, and skips a link whose card is gone", () => {
    const tricky: LogicModel = {
      title: 'Plan <"A"> & co',
      masteryGoal: "",
      nodes: [{ id: "a", kind: "input", title: "Time <b>&</b> 'money'" }],
      edges: [{ id: "e", source: "a", target: "gone" }],
    };
    const doc = parse(modelSvg(tricky, measure).svg);
    expect(doc.querySelector("g.card title")?.textContent).toBe("Time <b>&</b> 'money'");
    expect(doc.querySelectorAll("path.link")).toHaveLength(0);
  });
});

describe("long titles in an export", () => {
  const long = Array.from({ length: 34 }, (_, i) => `word${i}`).join(" "); // 200+ characters
  const model: LogicModel = {
    title: "Long",
    masteryGoal: "",
    nodes: [
      { id: "a", kind: "input", title: long, position: { x: 40, y: 40 } },
      { id: "b", kind: "input", title: "Next card", position: { x: 40, y: 180 } },
    ],
    edges: [],
  };

  it("wraps a 200-character title in full, with no ellipsis", () => {
    expect(long.length).toBeGreaterThanOrEqual(200);
    const doc = parse(modelSvg(model, measure).svg);
    const card = doc.querySelector("g.card") as Element;
    const lines = [...card.querySelectorAll("tspan")].map((t) => t.textContent);
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.join(" ")).toBe(long);
    expect(doc.documentElement.textContent).not.toContain("…");
  });

  it("moves the next card of the lane down below a card its title made taller", () => {
    const doc = parse(modelSvg(model, measure).svg);
    const [first, second] = [...doc.querySelectorAll("g.card")];
    const y = (g: Element | undefined) =>
      Number(/translate\([-\d.]+ ([-\d.]+)\)/.exec(g?.getAttribute("transform") ?? "")?.[1]);
    const height = Number(first?.querySelector("rect")?.getAttribute("height"));
    expect(y(second)).toBeGreaterThanOrEqual(y(first) + height);
  });
});

describe("wrapText", () => {
  it("wraps at words, cuts a word too long for a line, and clamps with an ellipsis", () => {
    expect(wrapText("one two three four", 70, "", measure)).toEqual(["one two", "three four"]);
    expect(wrapText("abcdefghijklmnopqrstuvwxyz", 70, "", measure)).toEqual([
      "abcdefghij",
      "klmnopqrst",
      "uvwxyz",
    ]);
    const clamped = wrapText("a b c d e f g h i j", 14, "", measure, 3);
    expect(clamped).toHaveLength(3);
    expect(clamped.at(-1)?.endsWith("…")).toBe(true);
  });
});
