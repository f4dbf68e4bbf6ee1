import { describe, expect, it } from "vitest";
import { CSV_HEADER, csvCell, type LogicNode, modelToCsv } from "../src/index.ts";
import { parseCsv } from "./support/csv-parse.ts";
import { chain } from "./support/models.ts";

function rowsOf(nodes: LogicNode[]): string[][] {
  const text = modelToCsv({ nodes });
  expect(text.startsWith("\uFEFF")).toBe(true);
  return parseCsv(text.slice(1));
}

describe("modelToCsv", () => {
  it("writes one row per measurement and one for each goal without any, lane by lane", () => {
    const rows = rowsOf(chain().nodes);
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[8], r[9]])).toEqual([
      ["Small-win goals", "Coaches in classrooms", "", ""],
      ["Mid-journey goals", "Teachers share learning intentions", "2026-11-01", "40"],
      ["Long-term performance goals", "60% proficient", "", ""],
    ]);
    expect(rows[2]).toEqual([
      "Mid-journey goals",
      "Teachers share learning intentions",
      "students proficient on the state test",
      "percent",
      "20",
      "2026-09-01",
      "80",
      "2027-06-01",
      "2026-11-01",
      "40",
      "",
      "",
    ]);
  });

  it("quotes commas, quotes and line breaks, keeps unicode, and parses back to the same cells", () => {
    const title = 'Read, write and "reason"\nacross the year — 読書 ✓';
    const note = "Second test, after\r\nthe retake";
    const rows = rowsOf([
      {
        id: "g",
        kind: "smallWin",
        title,
        smart: { indicator: "lexile, median", unit: "lexile level" },
        measurements: [
          { date: "2027-02-01", value: -2.5, note },
          { date: "2026-12-01", value: 3 },
        ],
      },
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[1]?.slice(0, 4)).toEqual([
      "Small-win goals",
      title,
      "lexile, median",
      "lexile level",
    ]);
    // Measurements come in date order; a negative number is written as a number.
    expect(rows.slice(1).map((r) => [r[8], r[9], r[10]])).toEqual([
      ["2026-12-01", "3", ""],
      ["2027-02-01", "-2.5", note],
    ]);
  });

  it("ends lines with CRLF", () => {
    const text = modelToCsv(chain());
    expect(text.split("\r\n")).toHaveLength(5);
    expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
  });

  it("defuses text a spreadsheet would run as a formula, but not plain numbers", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1 more")).toBe("'+1 more");
    expect(csvCell("-cmd|' /C calc'!A0")).toBe("'-cmd|' /C calc'!A0");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tindent")).toBe("'\tindent");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("-12.5")).toBe("-12.5");
    expect(csvCell("1e-3")).toBe("1e-3");
    expect(csvCell(undefined)).toBe("");
    const rows = rowsOf([{ id: "g", kind: "longTerm", title: "=1+1" }]);
    expect(rows[1]?.[1]).toBe("'=1+1");
  });

  it("writes each subgroup's rows after the whole group's, named in the Subgroup column", () => {
    const rows = rowsOf([
      {
        id: "g",
        kind: "longTerm",
        title: "Reading",
        smart: { indicator: "reading", unit: "percent", target: { value: 80, date: "2027-06-01" } },
        subgroups: [
          { id: "el", name: "English learners", baseline: { value: 30, date: "2026-09-01" } },
          { id: "iep", name: "Students with IEPs" },
        ],
        measurements: [
          { date: "2026-11-01", value: 35, subgroup: "el" },
          { date: "2026-11-01", value: 50 },
        ],
      },
    ]);
    expect(rows[0]?.at(-1)).toBe("Subgroup");
    expect(rows.slice(1).map((r) => [r[4], r[6], r[8], r[9], r[11]])).toEqual([
      ["", "80", "2026-11-01", "50", ""],
      ["30", "80", "2026-11-01", "35", "English learners"],
      ["", "80", "", "", "Students with IEPs"],
    ]);
  });
});
