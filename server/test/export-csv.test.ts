import { modelToCsv, parseModelFile, toModelFile } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { api, createModel, useTestServer } from "../../tests/support/index.ts";

const server = useTestServer();

const file = toModelFile({
  title: "Grade 3 reading, 2026",
  masteryGoal: "Every student reads at grade level by third grade.",
  nodes: [
    { id: "a1", kind: "activity", title: "Coaches model read-alouds" },
    {
      id: "g1",
      kind: "longTerm",
      title: 'Third graders read "at grade level", proficient',
      smart: {
        indicator: "students proficient on the state reading test",
        unit: "percent",
        baseline: { value: 60, date: "2025-05-15" },
        target: { value: 66, date: "2026-05-15" },
        cohortSize: 150,
      },
      measurements: [
        { date: "2026-01-20", value: 63.5, note: "=winter benchmark, +3.5" },
        { date: "2025-10-01", value: 61 },
      ],
    },
    { id: "s1", kind: "smallWin", title: "Élèves: lecture quotidienne ✓" },
  ],
  edges: [{ id: "e1", source: "a1", target: "s1" }],
});

describe("GET /api/models/:id/export?format=csv", () => {
  it("answers the domain's CSV as a UTF-8 attachment, for any role", async () => {
    const model = await createModel(server.url, file);
    for (const role of ["viewer", "owner"] as const) {
      const response = await api(server.url, `/api/models/${model.id}/export?format=csv`, {
        token: model.tokens[role],
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="${encodeURIComponent("Grade 3 reading 2026")}.csv"`,
      );
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
      const parsed = parseModelFile(file);
      if (!parsed.ok) throw new Error("fixture is invalid");
      expect(text).toBe(modelToCsv(parsed.model));
      const lines = text.slice(1).split("\r\n");
      // Header, the small win (no measurement), the long-term goal's two measurements oldest
      // first, and the final CRLF; lanes run left to right as on the canvas.
      expect(lines).toHaveLength(5);
      expect(lines[1]).toBe("Small-win goals,Élèves: lecture quotidienne ✓,,,,,,,,,,");
      expect(lines[2]).toContain("2025-10-01,61,");
      expect(lines[3]).toContain(`2026-01-20,63.5,"'=winter benchmark, +3.5"`);
      expect(lines[3]).toContain('"Third graders read ""at grade level"", proficient"');
      expect(lines[4]).toBe("");
    }
  });

  it("refuses without a token, with a wrong one, and for an unknown format", async () => {
    const model = await createModel(server.url, file);
    const path = `/api/models/${model.id}/export?format=csv`;
    expect((await api(server.url, path)).status).toBe(401);
    expect((await api(server.url, path, { token: "x".repeat(43) })).status).toBe(401);
    const other = await createModel(server.url);
    expect((await api(server.url, path, { token: other.tokens.owner })).status).toBe(401);
    const xml = await api(server.url, `/api/models/${model.id}/export?format=xml`, {
      token: model.tokens.viewer,
    });
    expect(xml.status).toBe(400);
    expect(((await xml.json()) as { error: { message: string } }).error.message).toContain("csv");
  });
});
