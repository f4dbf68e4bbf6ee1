import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  addDays,
  coachingTemplate,
  parseModelFile,
  todayIso,
  toModelFile,
} from "@logic-canvas/shared";
import Papa from "papaparse";
import type { Download, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.ts";
import { card, moreItem, waitForStatus } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { type CreatedModel, createModel, modelInfo, tokenOf } from "../support/http.ts";

const RESULTS = resolve(dirname(fileURLToPath(import.meta.url)), "../../test-results");
const template = coachingTemplate();
const titleOf = (id: string) => template.nodes.find((n) => n.id === id)?.title ?? id;
const GOAL = "M3";
const today = todayIso();

const { server, person } = chromiumSession();

async function showView(page: Page, label: "Canvas" | "Progress" | "Print"): Promise<void> {
  await page.locator(".view-switch").getByRole("button", { name: label, exact: true }).click();
}

async function sparklinePoints(page: Page, id: string): Promise<string | null> {
  return page
    .locator(`.react-flow__node[data-id="${id}"] [data-testid=sparkline]`)
    .getAttribute("data-points", { timeout: 10_000 });
}

async function expectSparkline(page: Page, id: string, points: number): Promise<void> {
  await page.waitForFunction(
    ([nodeId, n]) =>
      document
        .querySelector(`.react-flow__node[data-id="${nodeId}"] [data-testid=sparkline]`)
        ?.getAttribute("data-points") === String(n),
    [id, points] as const,
    { timeout: 10_000 },
  );
}

async function download(page: Page, item: string): Promise<{ file: Download; bytes: Buffer }> {
  const chosen = await moreItem(page, item);
  const [file] = await Promise.all([page.waitForEvent("download"), chosen.click()]);
  const path = await file.path();
  return { file, bytes: await readFile(path) };
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes an image in the page, as a browser showing the file would. */
async function decodeInPage(page: Page, bytes: Buffer, type: string) {
  return page.evaluate(
    async ({ base64, mime }) => {
      const image = new Image();
      image.src = `data:${mime};base64,${base64}`;
      await image.decode();
      return { width: image.naturalWidth, height: image.naturalHeight };
    },
    { base64: bytes.toString("base64"), mime: type },
  );
}

/** The model as this page's binding holds it (the debug handle grants nothing). */
async function liveModel(page: Page) {
  return page.evaluate(() => {
    const handle = (window as unknown as { logicCanvas: { binding: { getSnapshot(): unknown } } })
      .logicCanvas;
    return handle.binding.getSnapshot() as {
      model: { nodes: { id: string; title: string; position?: { x: number; y: number } }[] };
      checkIns: string[];
    };
  });
}

beforeAll(async () => {
  await mkdir(resolve(RESULTS, "screenshots"), { recursive: true });
});

describe("monitoring a model's goals", () => {
  let model: CreatedModel;
  let maria: Page;
  let sam: Page;

  it("a SMART goal and a measurement from the side panel show on the card, the dashboard and a collaborator's screen", async () => {
    model = await createModel(server.url, { template: "coaching" });
    maria = (await person("Maria", model.links.owner)).page;
    sam = (await person("Sam", model.links.editor)).page;

    await card(maria, titleOf(GOAL)).click();
    const panel = maria.getByTestId("goal-panel");
    await panel
      .getByLabel("Indicator (what you will track)")
      .fill("lessons with a shared intention");
    await panel.getByLabel("Indicator (what you will track)").press("Tab");
    await panel.getByTestId("smart-baseline-value").fill("20");
    await panel.getByTestId("smart-baseline-value").press("Enter");
    await panel.getByTestId("smart-baseline-date").fill(addDays(today, -100));
    await panel.getByTestId("smart-target-value").fill("80");
    await panel.getByTestId("smart-target-value").press("Enter");
    await panel.getByTestId("smart-target-date").fill(addDays(today, 100));
    await panel.getByTestId("smart-cohort").fill("150");
    await panel.getByTestId("smart-cohort").press("Enter");
    await expect
      .poll(() => panel.getByTestId("students-sentence").textContent())
      .toContain("30 → 120, 90 more students");
    const letters = panel.locator("[data-testid=smart-letters] li[data-pass=true]");
    expect(await letters.count()).toBe(5);
    // Clearing the target's date alone keeps its value; the goal is no longer time-bound.
    await panel.getByTestId("smart-target-date").fill("");
    await expect.poll(() => letters.count()).toBe(4);
    expect(await panel.getByTestId("smart-target-value").inputValue()).toBe("80");
    await panel.getByTestId("smart-target-date").fill(addDays(today, 100));
    await expect.poll(() => letters.count()).toBe(5);

    // Before any measurement: not measured, on the card and in the dashboard.
    const goalCard = maria.locator(`.react-flow__node[data-id="${GOAL}"]`);
    expect(await goalCard.getByTestId("goal-status").getAttribute("data-status")).toBe(
      "not-measured",
    );
    expect(await goalCard.getByTestId("sparkline").count()).toBe(0);
    // Its baseline is 100 days old with nothing measured since: a stale mid-journey goal.
    expect(await goalCard.getByTestId("stale-flag").count()).toBe(1);
    await showView(maria, "Progress");
    const staleRow = maria.locator(`[data-testid=dashboard-goal][data-node-id="${GOAL}"]`);
    await staleRow.waitFor();
    expect(await staleRow.getByTestId("stale-flag").count()).toBe(1);
    expect(await maria.getByTestId("stale-count").textContent()).toContain("1");
    await showView(maria, "Canvas");
    await card(maria, titleOf(GOAL)).click();

    const form = panel.getByTestId("measurement-form");
    await form.getByTestId("measurement-date").fill(addDays(today, -5));
    await form.getByTestId("measurement-value").fill("55");
    await form.getByTestId("measurement-note").fill("Walkthroughs, grade 3");
    await form.getByTestId("measurement-save").click();

    await expectSparkline(maria, GOAL, 1);
    expect(await goalCard.getByTestId("goal-status").getAttribute("data-status")).toBe("on-track");
    expect(await goalCard.getByTestId("stale-flag").count()).toBe(0);
    // The collaborator sees the measurement on the same card.
    await expectSparkline(sam, GOAL, 1);

    await showView(maria, "Progress");
    const row = maria.locator(`[data-testid=dashboard-goal][data-node-id="${GOAL}"]`);
    await expect.poll(() => row.getAttribute("data-status")).toBe("on-track");
    expect(await row.getByTestId("dashboard-latest").textContent()).toBe("55%");
    expect(await row.locator("[data-testid=goal-chart] svg").count()).toBe(1);
    expect(await row.getByTestId("goal-chart").getAttribute("data-points")).toBe("1");
    expect(await maria.getByTestId("dashboard-goal").count()).toBe(
      template.nodes.filter((n) => ["smallWin", "midJourney", "longTerm"].includes(n.kind)).length,
    );
  });

  it("a measurement recorded from the other person's dashboard reaches the first one's card and dashboard", async () => {
    await showView(sam, "Progress");
    const samRow = sam.locator(`[data-testid=dashboard-goal][data-node-id="${GOAL}"]`);
    await samRow.getByTestId("dashboard-record").click();
    await samRow.getByTestId("measurement-date").fill(addDays(today, -1));
    await samRow.getByTestId("measurement-value").fill("30");
    await samRow.getByTestId("measurement-save").click();

    const mariaRow = maria.locator(`[data-testid=dashboard-goal][data-node-id="${GOAL}"]`);
    await expect.poll(() => mariaRow.getByTestId("dashboard-latest").textContent()).toBe("30%");
    expect(await mariaRow.getAttribute("data-status")).toBe("off-track");
    expect(await mariaRow.getByTestId("goal-chart").getAttribute("data-points")).toBe("2");
    expect(await mariaRow.getByTestId("dashboard-last-measured").textContent()).toContain(
      addDays(today, -1),
    );

    // Check-ins: set by one person, seen by the other, with the goals not measured since.
    await maria.getByTestId("check-in-date").fill(addDays(today, -3));
    await maria.getByTestId("check-ins").getByRole("button", { name: "Add" }).click();
    await maria.getByTestId("check-in-date").fill(addDays(today, 30));
    await maria.getByTestId("check-ins").getByRole("button", { name: "Add" }).click();
    await expect
      .poll(() => sam.getByTestId("next-check-in").textContent())
      .toContain(addDays(today, 30));
    const unmeasured = await sam.getByTestId("not-measured-since").textContent();
    expect(unmeasured).toContain(titleOf("L1"));
    expect(unmeasured).not.toContain(titleOf(GOAL));
    await mariaRow.scrollIntoViewIfNeeded();
    await screenshot(maria, "monitoring-dashboard");

    await showView(sam, "Canvas");
    await expectSparkline(sam, GOAL, 2);
    await showView(maria, "Canvas");
    await expectSparkline(maria, GOAL, 2);
    expect(await sparklinePoints(maria, GOAL)).toBe("2");
  });

  it("fixing and deleting a wrong measurement is seen by both", async () => {
    await card(sam, titleOf(GOAL)).click();
    const panel = sam.getByTestId("goal-panel");
    const wrong = panel.getByTestId("measurement-row").filter({ hasText: "30%" });
    await wrong.getByRole("button", { name: "Fix" }).click();
    const fix = panel.locator(".measurement-list [data-testid=measurement-form]");
    await fix.getByTestId("measurement-value").fill("62");
    await fix.getByTestId("measurement-save").click();
    await card(maria, titleOf(GOAL)).click();
    const mariaPanel = maria.getByTestId("goal-panel");
    await expect
      .poll(() => mariaPanel.getByTestId("measurement-row").allTextContents())
      .toEqual([expect.stringContaining("62%"), expect.stringContaining("55%")]);
    await mariaPanel
      .getByTestId("measurement-row")
      .filter({ hasText: "62%" })
      .getByRole("button", { name: /Delete/ })
      .click();
    await expectSparkline(sam, GOAL, 1);
    await waitForStatus(maria, "Saved");
  });

  it("viewers see progress but cannot record, fix or import", async () => {
    const { page: viewer } = await person("Vera", model.links.viewer);
    await card(viewer, titleOf(GOAL)).click();
    const panel = viewer.getByTestId("goal-panel");
    await panel.getByTestId("measurements").waitFor();
    expect(await panel.getByTestId("measurement-form").count()).toBe(0);
    expect(await panel.getByRole("button", { name: "Fix" }).count()).toBe(0);
    await moreItem(viewer, "Download model file");
    expect(await viewer.getByRole("menuitem", { name: /^Import/ }).count()).toBe(0);
    await viewer.keyboard.press("Escape");
    await showView(viewer, "Progress");
    await viewer.getByTestId("dashboard-goal").first().waitFor();
    expect(await viewer.getByTestId("dashboard-record").count()).toBe(0);
  });

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
    expect(await goalItem.textContent()).toContain(`80% by ${addDays(today, 100)}`);
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
});

describe("importing a model file into the open model", () => {
  it("lists every problem of a bad file, and replaces the content for everyone with a good one", async () => {
    const model = await createModel(server.url, { title: "To be replaced" });
    const { page: maria } = await person("Maria", model.links.owner);
    const { page: sam } = await person("Sam", model.links.editor);
    const input = maria.getByTestId("import-into-model");

    const bad = {
      format: "logic-model",
      version: 1,
      title: "",
      masteryGoal: "",
      nodes: [{ id: "a", kind: "wish", title: "x" }],
      edges: [],
    };
    await input.setInputFiles({
      name: "bad.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const errors = maria.getByTestId("import-errors");
    await errors.waitFor();
    expect(await errors.textContent()).toContain("nodes[0].kind");
    expect(await errors.textContent()).toContain("title");
    expect((await modelInfo(server.url, model.id, tokenOf(model.links.owner))).nodeCount).toBe(0);
    await errors.getByRole("button", { name: "Close" }).click();

    const checkIns = [addDays(today, 14), addDays(today, 60)];
    const good = toModelFile(template, { checkIns });
    await input.setInputFiles({
      name: "coaching.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(good)),
    });
    await maria
      .getByRole("dialog", { name: "Replace this model?" })
      .getByRole("button", { name: "Replace" })
      .click();
    await expect
      .poll(async () => (await liveModel(sam)).model.nodes.length)
      .toBe(template.nodes.length);
    await expect.poll(async () => (await liveModel(sam)).checkIns).toEqual(checkIns);
    await card(sam, titleOf("I1")).waitFor();
    await waitForStatus(maria, "Saved");
    expect((await modelInfo(server.url, model.id, tokenOf(model.links.owner))).nodeCount).toBe(
      template.nodes.length,
    );
    await screenshot(sam, "monitoring-imported");
  });
});
