import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { addDays, parseModelFile } from "@logic-canvas/shared";
import JSZip from "jszip";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { dayAsShown, screenshot } from "../support/browser.ts";
import { waitForStatus } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { type CreatedModel, createModel, tokenOf } from "../support/http.ts";
import {
  decodeInPage,
  download,
  GOAL,
  liveModel,
  measuredGoalFile,
  pngSize,
  showView,
  template,
  titleOf,
  today,
} from "../support/monitoring-views.ts";

/**
 * The exports of a monitored model, from the editor: the print view and its PDF, PNG and SVG
 * images, the CSV (also from the API) and the model file. The model is created with its goal
 * already measured, as monitoring-goals.test.ts leaves it.
 */

const RESULTS = resolve(dirname(fileURLToPath(import.meta.url)), "../../test-results");
const { server, person } = chromiumSession();

let model: CreatedModel;
let maria: Page;

beforeAll(async () => {
  await mkdir(resolve(RESULTS, "screenshots"), { recursive: true });
  model = await createModel(server.url, measuredGoalFile());
  maria = (await person("Maria", model.links.owner)).page;
});

describe("exporting a monitored model", () => {
  it("the print view holds every card under its lane and prints to a clean PDF", async () => {
    await showView(maria, "Print");
    const items = maria.getByTestId("print-item");
    await items.first().waitFor();
    expect(await items.count()).toBe(template.nodes.length);
    const printed = (
      await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-node-id")))
    ).sort();
    expect(printed).toEqual(template.nodes.map((n) => n.id).sort());
    expect(await maria.locator(".print-mastery").textContent()).toContain(template.masteryGoal);
    const goalItem = maria.locator(`[data-testid=print-item][data-node-id="${GOAL}"]`);
    expect(await goalItem.textContent()).toContain("lessons with a shared intention");
    expect(await goalItem.textContent()).toContain(
      `80% by ${await dayAsShown(maria, addDays(today, 100))}`,
    );
    await screenshot(maria, "monitoring-print-view");

    await maria.emulateMedia({ media: "print" });
    expect(await maria.locator(".topbar").isVisible()).toBe(false);
    expect(await maria.locator(".side-panel").isVisible()).toBe(false);
    expect(await maria.locator(".toolbar").isVisible()).toBe(false);
    expect(await maria.getByTestId("print-view").isVisible()).toBe(true);
    await maria.screenshot({
      path: resolve(RESULTS, "screenshots/monitoring-print-media.png"),
      fullPage: true,
    });
    const pdfPath = resolve(RESULTS, "print-view.pdf");
    const pdf = await maria.pdf({
      path: pdfPath,
      format: "A4",
      landscape: true,
      printBackground: true,
    });
    expect(pdf.subarray(0, 5).toString("ascii")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(5_000);
    await maria.emulateMedia({ media: "screen" });
    await showView(maria, "Canvas");
  });

  it("PNG and SVG exports are decodable images of the whole model, larger than the screen", async () => {
    await maria.locator(".react-flow__node").first().waitFor();
    // Zoomed in, only part of the model is on screen (and in the DOM).
    for (let i = 0; i < 3; i += 1) await maria.locator(".react-flow__controls-zoomin").click();
    const pane = await maria.locator(".react-flow").boundingBox();
    if (!pane) throw new Error("no canvas");
    const { model: live } = await liveModel(maria);
    const xs = live.nodes.map((n) => n.position?.x ?? 0);
    const ys = live.nodes.map((n) => n.position?.y ?? 0);
    const modelWidth = Math.max(...xs) - Math.min(...xs) + 240;
    const modelHeight = Math.max(...ys) - Math.min(...ys) + 60;

    const png = await download(maria, "Export as PNG image");
    expect(png.file.suggestedFilename()).toBe("Coaching for self-assessment.png");
    const size = pngSize(png.bytes);
    expect(size.width).toBeGreaterThanOrEqual(modelWidth);
    expect(size.height).toBeGreaterThanOrEqual(modelHeight);
    expect(size.width).toBeGreaterThan(pane.width);
    expect(await decodeInPage(maria, png.bytes, "image/png")).toEqual(size);
    await writeFile(resolve(RESULTS, "canvas-export.png"), png.bytes);

    const svg = await download(maria, "Export as SVG drawing");
    expect(svg.file.suggestedFilename()).toBe("Coaching for self-assessment.svg");
    const text = svg.bytes.toString("utf8");
    const parsed = await maria.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, "image/svg+xml");
      const root = doc.documentElement;
      return {
        error: doc.getElementsByTagName("parsererror").length > 0,
        name: root.nodeName,
        width: Number(root.getAttribute("width")),
        height: Number(root.getAttribute("height")),
        text: root.textContent ?? "",
        drawnLinks: Array.from(doc.querySelectorAll("path.link")).filter(
          (path) => (path.getAttribute("stroke") ?? "none") !== "none",
        ).length,
        htmlInside: doc.getElementsByTagName("foreignObject").length,
      };
    }, text);
    expect(parsed.error).toBe(false);
    expect(parsed.name).toBe("svg");
    expect(parsed).toMatchObject({ width: size.width, height: size.height });
    // Every card is in the image, not only those on screen.
    for (const node of template.nodes) expect(parsed.text).toContain(node.title);
    expect(parsed.drawnLinks).toBe(template.edges.length);
    // Plain shapes and text: slide and document tools draw nothing of HTML inside an SVG.
    expect(parsed.htmlInside).toBe(0);
    expect(await decodeInPage(maria, svg.bytes, "image/svg+xml")).toEqual({
      width: size.width,
      height: size.height,
    });
    await writeFile(resolve(RESULTS, "canvas-export.svg"), svg.bytes);
  });

  it("the CSV from the API and from the editor parse to the same rows, one per measurement", async () => {
    await waitForStatus(maria, "Saved");
    const response = await fetch(`${server.url}/api/models/${model.id}/export?format=csv`, {
      headers: { authorization: `Bearer ${tokenOf(model.links.viewer)}` },
    });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const apiText = await response.text();
    const fromApi = Papa.parse<Record<string, string>>(apiText.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    });
    expect(fromApi.errors).toEqual([]);
    const edited = await download(maria, "Export goals as CSV");
    expect(edited.file.suggestedFilename()).toBe("Coaching for self-assessment.csv");
    const fromEditor = Papa.parse<Record<string, string>>(
      edited.bytes.toString("utf8").replace(/^\uFEFF/, ""),
      { header: true, skipEmptyLines: true },
    );
    expect(fromEditor.data).toEqual(fromApi.data);

    const goals = template.nodes.filter((n) =>
      ["smallWin", "midJourney", "longTerm"].includes(n.kind),
    );
    // One row per goal, except the measured goal, which has one per measurement (55 left).
    expect(fromApi.data).toHaveLength(goals.length);
    expect(new Set(fromApi.data.map((r) => r.Goal))).toEqual(new Set(goals.map((g) => g.title)));
    const measured = fromApi.data.filter((r) => r.Goal === titleOf(GOAL));
    expect(measured).toEqual([
      {
        Lane: "Mid-journey goals",
        Goal: titleOf(GOAL),
        Indicator: "lessons with a shared intention",
        Unit: "percent",
        "Baseline value": "20",
        "Baseline date": addDays(today, -100),
        "Target value": "80",
        "Target date": addDays(today, 100),
        "Measurement date": addDays(today, -5),
        "Measurement value": "55",
        "Measurement note": "Walkthroughs, grade 3",
        Subgroup: "",
      },
    ]);
  });

  it("the model file export holds the whole model with its measurements and check-ins", async () => {
    const file = await download(maria, "Download model file");
    expect(file.file.suggestedFilename()).toBe("Coaching for self-assessment.logic-model.json");
    const parsed = parseModelFile(file.bytes.toString("utf8"));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.model.nodes.map((n) => n.id).sort()).toEqual(
      template.nodes.map((n) => n.id).sort(),
    );
    expect(parsed.model.edges).toHaveLength(template.edges.length);
    expect(parsed.model.nodes.find((n) => n.id === GOAL)?.measurements).toEqual([
      { date: addDays(today, -5), value: 55, note: "Walkthroughs, grade 3" },
    ]);
    expect(parsed.file.checkIns).toEqual([addDays(today, -3), addDays(today, 30)]);
  });

  it("the written plan downloads from the editor as Word and as PDF, with the goal in sentences", async () => {
    const word = await download(maria, "Written plan (Word)");
    expect(word.file.suggestedFilename()).toBe("Coaching for self-assessment.plan.docx");
    const zip = await JSZip.loadAsync(word.bytes);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain(titleOf(GOAL));
    expect(text).toContain("Latest: 55%");
    const pdf = await download(maria, "Written plan (PDF)");
    expect(pdf.file.suggestedFilename()).toBe("Coaching for self-assessment.plan.pdf");
    expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
