import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { formatDay, toModelFile } from "@logic-canvas/shared";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { api, createModel, useTestServer } from "../../tests/support/index.ts";

const run = promisify(execFile);
const server = useTestServer();

const author = { id: "p1", name: "Rosa", role: "commenter" as const };
const file = toModelFile(
  {
    title: "Grade 3 reading — Ωμέγα ✓",
    masteryGoal: "Every student reads at grade level by the end of third grade.",
    nodes: [
      { id: "i1", kind: "input", title: "Two literacy coaches" },
      { id: "a1", kind: "activity", title: "Coaches model read-alouds", stage: "blossom" },
      {
        id: "s1",
        kind: "smallWin",
        title: "Daily reading logs kept",
        smart: { indicator: "students keeping a log", unit: "percent", cohortSize: 100 },
      },
      {
        id: "m1",
        kind: "midJourney",
        title: "Teachers share learning intentions",
        smart: {
          indicator: "lessons with a shared intention",
          unit: "percent",
          baseline: { value: 20, date: "2026-08-15" },
          target: { value: 80, date: "2027-03-03" },
        },
        measurements: [{ date: "2026-11-22", value: 30 }],
      },
      {
        id: "g1",
        kind: "longTerm",
        title: "Third graders proficient in reading",
        smart: {
          indicator: "third graders proficient on the state test",
          unit: "percent",
          baseline: { value: 60, date: "2025-09-15" },
          target: { value: 66, date: "2026-05-15" },
          cohortSize: 150,
        },
        subgroups: [
          { id: "el", name: "English learners", baseline: { value: 41, date: "2025-09-15" } },
        ],
        measurements: [
          { date: "2026-01-15", value: 63.5 },
          { date: "2026-01-15", value: 47, subgroup: "el" },
        ],
      },
    ],
    edges: [
      { id: "e1", source: "i1", target: "a1" },
      { id: "e2", source: "a1", target: "s1", rationale: "Modelling builds the habit." },
      { id: "e3", source: "s1", target: "m1" },
      { id: "e4", source: "m1", target: "g1" },
    ],
  },
  {
    checkIns: ["2027-01-15"],
    review: {
      threads: [
        {
          id: "t1",
          anchor: { kind: "node", id: "m1" },
          type: "concern",
          status: "open",
          createdAt: "2026-11-23T10:00:00Z",
          author,
          messages: [
            {
              id: "c1",
              author,
              text: "Walkthroughs cover only grade 3.",
              createdAt: "2026-11-23T10:00:00Z",
            },
          ],
        },
      ],
      votes: [],
    },
  },
);

const GOALS = [
  "Daily reading logs kept",
  "Teachers share learning intentions",
  "Third graders proficient in reading",
];

async function report(id: string, token: string, format: string) {
  return api(server.url, `/api/models/${id}/report?format=${format}`, { token });
}

describe("the written plan", () => {
  it("is a Word document with real headings, tables and every goal in sentences", async () => {
    const model = await createModel(server.url, file);
    const response = await report(model.id, model.tokens.viewer, "docx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("wordprocessingml.document");
    expect(response.headers.get("content-disposition")).toMatch(/\.plan\.docx"$/);
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const text = xml.replace(/<[^>]+>/g, "");
    for (const goal of GOALS) expect(text).toContain(goal);
    expect(xml).toContain('w:val="Heading1"');
    expect(xml).toContain('w:val="Heading2"');
    expect(xml).toContain("<w:tbl>");
    expect(text).toContain(
      "In September 2025, “third graders proficient on the state test” stood at 60% (90 of 150 students).",
    );
    expect(text).toContain("By May 2026 the target is at least 66% (99 of 150 students).");
    expect(text).toContain("Modelling builds the habit.");
    expect(text).toContain("Walkthroughs cover only grade 3.");
    // A subgroup's measurements are in the goal's table, named.
    expect(text).toContain(`${formatDay("2026-01-15")}47%Measured: English learners`);
  });

  it("is a PDF whose text holds every goal, and which renders", async () => {
    const model = await createModel(server.url, file);
    const response = await report(model.id, model.tokens.viewer, "pdf");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const dir = await mkdtemp(join(tmpdir(), "plan-"));
    const pdf = join(dir, "plan.pdf");
    await writeFile(pdf, Buffer.from(await response.arrayBuffer()));
    const { stdout } = await run("pdftotext", ["-layout", pdf, "-"]);
    const flat = stdout.replace(/\s+/g, " ");
    for (const goal of GOALS) expect(flat).toContain(goal);
    expect(flat).toContain("Grade 3 reading — Ωμέγα ✓");
    expect(flat).toContain(
      `Latest: 63.5% (95 of 150 students) on ${formatDay("2026-01-15")}, off track.`,
    );
    // The chart's legend names the whole group's line and the subgroup's.
    expect(flat).toMatch(/Whole group\s+English learners/);
    await run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", pdf, join(dir, "page")]);
    const png = await readFile(join(dir, "page-1.png"));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    if (process.env.SCREENSHOT_DIR)
      await writeFile(join(process.env.SCREENSHOT_DIR, "plan-page-1.png"), png);
  });

  it("tells revisions since the last named version, with the link's role needed to read it", async () => {
    const model = await createModel(server.url, file);
    const saved = await api(server.url, `/api/models/${model.id}/versions`, {
      method: "POST",
      token: model.tokens.editor,
      body: JSON.stringify({ label: "Board, November" }),
    });
    expect(saved.status).toBe(201);
    const put = await api(server.url, `/api/models/${model.id}/content`, {
      method: "PUT",
      token: model.tokens.editor,
      body: JSON.stringify({ ...file, title: "Grade 3 reading, revised" }),
    });
    expect(put.status).toBe(200);
    const response = await report(model.id, model.tokens.viewer, "docx");
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    const text = ((await zip.file("word/document.xml")?.async("string")) ?? "").replace(
      /<[^>]+>/g,
      "",
    );
    expect(text).toContain("Revisions since “Board, November”");
    expect(text).toContain("replaced the whole model (import)");
  });

  it("refuses an unknown format in words, and a caller without a link", async () => {
    const model = await createModel(server.url, file);
    const wrong = await report(model.id, model.tokens.viewer, "xls");
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(await wrong.json())).toContain('must be \\"pdf\\" or \\"docx\\"');
    const anonymous = await api(server.url, `/api/models/${model.id}/report?format=pdf`);
    expect([401, 403, 404]).toContain(anonymous.status);
  });
});
