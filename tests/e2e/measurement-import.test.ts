import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { addDays } from "@logic-canvas/shared";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { moreItem } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { api, createModel, tokenOf } from "../support/http.ts";
import { GOAL, measuredGoalFile, showView, titleOf, today } from "../support/monitoring-views.ts";

/**
 * Measurements from a spreadsheet (issue 18): an Excel file with one bad row, fixed in the
 * mapping step, applied as one change that everyone sees on the chart and one Ctrl+Z takes back.
 */

const { server, person } = chromiumSession();
const SHOTS = resolve(import.meta.dirname, "../../docs/screenshots/issue-18");
const OLD_NAME = "Teachers share intentions (old name)";

async function walkthroughs(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Walkthroughs");
  sheet.addRow(["Goal", "Date", "Score", "Comments"]);
  const day = (n: number) => new Date(`${addDays(today, n)}T00:00:00Z`);
  sheet.addRow([titleOf(GOAL), day(-40), 35, "Walkthroughs, grade 2"]);
  sheet.addRow([titleOf(GOAL), day(-30), 41, "Walkthroughs, grade 3"]);
  sheet.addRow([OLD_NAME, day(-20), 48, "Before the goal was renamed"]);
  sheet.addRow([titleOf(GOAL), day(-10), { formula: "50+2", result: 52 }, "Walkthroughs, grade 4"]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function stored(id: string, token: string): Promise<{ date: string }[]> {
  const response = await api(server.url, `/api/models/${id}/export`, { token });
  const file = (await response.json()) as {
    nodes: { id: string; measurements?: { date: string }[] }[];
  };
  return file.nodes.find((n) => n.id === GOAL)?.measurements ?? [];
}

async function storedMeasurements(id: string, token: string): Promise<number> {
  return (await stored(id, token)).length;
}

describe("importing measurements from a spreadsheet", () => {
  it("fixes the one bad row in the mapping step, applies all at once, and undoes as one", async () => {
    const model = await createModel(server.url, measuredGoalFile());
    const token = tokenOf(model.links.owner);
    const { page: maria } = await person("Maria", model.links.owner);
    await maria.setViewportSize({ width: 1280, height: 900 });

    await (await moreItem(maria, "Import measurements…")).click();
    const dialog = maria.getByRole("dialog", { name: "Import measurements" });
    await dialog.getByTestId("mi-file").setInputFiles({
      name: "walkthroughs.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await walkthroughs(),
    });

    // The columns are guessed from the headers; the unknown goal is the one problem, in words.
    await expect.poll(() => dialog.getByTestId("mi-column-value").inputValue()).toBe("2");
    expect(await dialog.getByTestId("mi-column-note").inputValue()).toBe("3");
    const problem = dialog.getByTestId("mi-problem");
    expect(await problem.count()).toBe(1);
    expect(await problem.textContent()).toContain(
      `Row 4: no goal is called “${OLD_NAME}”: choose the goal.`,
    );
    expect(await dialog.getByTestId("mi-apply").isDisabled()).toBe(true);
    expect(await dialog.getByTestId("mi-preview").locator("tbody tr").count()).toBe(4);
    await mkdir(SHOTS, { recursive: true });
    await maria.screenshot({ path: resolve(SHOTS, "mapping-dialog-bad-row.png") });

    // Fixed in the mapping step: the old name is the goal; the check is redone at once.
    await dialog.getByTestId("mi-goal-choice").selectOption({ label: titleOf(GOAL) });
    await expect
      .poll(() => dialog.getByTestId("mi-summary").textContent())
      .toBe("4 measurements ready for 1 goal.");
    expect(await dialog.getByTestId("mi-problem").count()).toBe(0);
    await maria.screenshot({ path: resolve(SHOTS, "mapping-dialog-fixed.png") });
    await dialog.getByTestId("mi-apply").click();
    await expect
      .poll(() => maria.getByTestId("mi-done").textContent())
      .toContain("4 measurements imported.");

    // On the chart: the one measurement before, and the four imported.
    await showView(maria, "Progress");
    const row = maria.locator(`[data-testid=dashboard-goal][data-node-id="${GOAL}"]`);
    await expect.poll(() => row.getByTestId("goal-chart").getAttribute("data-points")).toBe("5");
    await expect.poll(() => storedMeasurements(model.id, token)).toBe(5);

    // One Ctrl+Z takes the whole import back, for everyone.
    await maria.locator("body").click({ position: { x: 5, y: 5 } });
    await maria.keyboard.press("Control+z");
    await expect.poll(() => row.getByTestId("goal-chart").getAttribute("data-points")).toBe("1");
    await expect.poll(() => storedMeasurements(model.id, token)).toBe(1);
  });

  it("says in words why a hostile or wrong file is refused, and writes nothing", async () => {
    const model = await createModel(server.url, measuredGoalFile());
    const { page: sam } = await person("Sam", model.links.editor);
    // Also reachable from the Progress view, where measurements are read.
    await showView(sam, "Progress");
    await sam.getByTestId("dashboard-import").click();
    const dialog = sam.getByRole("dialog", { name: "Import measurements" });
    await dialog.getByTestId("mi-file").setInputFiles({
      name: "deep.xlsx",
      mimeType: "application/octet-stream",
      buffer: Buffer.from("PK\u0003\u0004 not really a workbook"),
    });
    await expect
      .poll(() => dialog.getByTestId("mi-refusal").textContent())
      .toBe("This is not an Excel workbook (.xlsx): its zip directory is missing.");
    expect(await dialog.getByTestId("mi-apply").isDisabled()).toBe(true);
    expect(await storedMeasurements(model.id, tokenOf(model.links.editor))).toBe(1);
  });

  it("asks which comes first in dates like 3/4/2026, and stores them as the person answered", async () => {
    const model = await createModel(server.url, measuredGoalFile());
    const token = tokenOf(model.links.owner);
    const { page: lee } = await person("Lee", model.links.owner);
    await (await moreItem(lee, "Import measurements…")).click();
    const dialog = lee.getByRole("dialog", { name: "Import measurements" });
    const csv = `Goal;Date;Value\r\n${titleOf(GOAL)};3/4/2026;40\r\n${titleOf(GOAL)};5/6/2026;45\r\n`;
    await dialog.getByTestId("mi-file").setInputFiles({
      name: "europe.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    const order = dialog.getByTestId("mi-date-order");
    await expect.poll(() => order.textContent()).toContain("2 dates could be read either way");
    expect(await dialog.getByTestId("mi-apply").isDisabled()).toBe(true);
    await order.getByLabel("day first (15/9/2026 is 15 September)").check();
    await expect
      .poll(() => dialog.getByTestId("mi-summary").textContent())
      .toBe("2 measurements ready for 1 goal.");
    await dialog.getByTestId("mi-apply").click();
    await expect
      .poll(async () => (await stored(model.id, token)).map((m) => m.date).slice(1))
      .toEqual(["2026-04-03", "2026-06-05"]);
  });

  it("reads the sheet the person chooses when a workbook has several", async () => {
    const model = await createModel(server.url, measuredGoalFile());
    const { page: lee } = await person("Lee", model.links.owner);
    await (await moreItem(lee, "Import measurements…")).click();
    const dialog = lee.getByRole("dialog", { name: "Import measurements" });
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Read me").addRow(["Scores are on the next sheet"]);
    const scores = book.addWorksheet("Scores");
    scores.addRow(["Goal", "Date", "Score"]);
    scores.addRow([titleOf(GOAL), new Date(`${addDays(today, -3)}T00:00:00Z`), 58]);
    await dialog.getByTestId("mi-file").setInputFiles({
      name: "term.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await book.xlsx.writeBuffer()),
    });
    const fileName = dialog.getByTestId("mi-file-name");
    await expect.poll(() => fileName.textContent()).toBe("term.xlsx, sheet “Read me”: 0 rows");
    await dialog.getByLabel("Sheet").selectOption("Scores");
    await expect.poll(() => fileName.textContent()).toBe("term.xlsx, sheet “Scores”: 1 row");
    await expect
      .poll(() => dialog.getByTestId("mi-summary").textContent())
      .toBe("1 measurement ready for 1 goal.");
  });
});
