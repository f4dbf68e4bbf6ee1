import {
  addDays,
  addMeasurement,
  addNode,
  formatDay,
  type LogicNode,
  laneX,
  modelToCsv,
  todayIso,
} from "@logic-canvas/shared";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { ReactFlowProvider } from "@xyflow/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { YjsFlowBinding } from "../src/canvas/yjs-flow-binding.ts";
import { useExportActions } from "../src/exports/ExportMenu.tsx";
import { GoalCardProgress } from "../src/monitoring/GoalCardProgress.tsx";
import { SmartLetters } from "../src/monitoring/SmartLetters.tsx";
import { Sparkline, sparklinePoints } from "../src/monitoring/Sparkline.tsx";
import { StatusBadge } from "../src/monitoring/StatusBadge.tsx";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const today = "2026-03-01";

function goal(extra: Partial<LogicNode> = {}): LogicNode {
  return {
    id: "g1",
    kind: "midJourney",
    title: "Students articulate where they are",
    smart: {
      indicator: "students who can state the learning intention",
      unit: "percent",
      baseline: { value: 40, date: "2025-09-01" },
      target: { value: 80, date: "2026-06-01" },
      cohortSize: 150,
    },
    ...extra,
  };
}

describe("StatusBadge", () => {
  it("names the status, colours it by class, and flags a stale goal", () => {
    render(<StatusBadge status="at-risk" stale />);
    const badge = screen.getByTestId("goal-status");
    expect(badge.textContent).toBe("At risk");
    expect(badge.className).toContain("status-at-risk");
    expect(badge.getAttribute("title")).toContain("quarter of the way");
    expect(screen.getByTestId("stale-flag").textContent).toBe("Stale");
  });

  it("shows no stale flag for a goal measured recently", () => {
    render(<StatusBadge status="on-track" />);
    expect(screen.getByTestId("goal-status").textContent).toBe("On track");
    expect(screen.queryByTestId("stale-flag")).toBeNull();
  });
});

describe("Sparkline", () => {
  it("draws one point per measurement, in date order, inside its box", () => {
    const measurements = [
      { date: "2026-01-10", value: 60 },
      { date: "2025-10-01", value: 45 },
      { date: "2025-12-01", value: 52 },
    ];
    const points = sparklinePoints(measurements, { width: 72, height: 20 })
      .split(" ")
      .map((p) => p.split(",").map(Number) as [number, number]);
    expect(points).toHaveLength(3);
    const xs = points.map(([x]) => x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    // Oldest (45) is lowest on screen (largest y), newest (60) highest.
    expect(points[0]?.[1]).toBeGreaterThan(points[2]?.[1] ?? 0);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(72);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(20);
    }
    render(<Sparkline measurements={measurements} color="#16a34a" />);
    const svg = screen.getByTestId("sparkline");
    expect(svg.querySelector("polyline")?.getAttribute("points")).toBe(
      sparklinePoints(measurements, { width: 72, height: 20 }),
    );
    expect(svg.getAttribute("aria-label")).toBe("3 measurements");
  });

  it("draws a dot for a single measurement and nothing without any", () => {
    const { container } = render(
      <Sparkline measurements={[{ date: "2026-01-10", value: 60 }]} color="#000" />,
    );
    expect(container.querySelector("circle")).not.toBeNull();
    cleanup();
    const empty = render(<Sparkline measurements={[]} color="#000" />);
    expect(empty.container.querySelector("svg")).toBeNull();
  });
});

describe("GoalCardProgress", () => {
  it("shows the goal's status and a sparkline once it is measured", () => {
    const node = goal({
      measurements: [
        { date: "2025-11-01", value: 50 },
        { date: "2026-02-01", value: 66 },
      ],
    });
    render(<GoalCardProgress node={node} today={today} />);
    expect(screen.getByTestId("goal-status").dataset.status).toBe("on-track");
    expect(screen.getByTestId("sparkline").dataset.points).toBe("2");
    expect(screen.queryByTestId("stale-flag")).toBeNull();
  });

  it("flags a mid-journey goal with no measurement for more than 60 days", () => {
    render(<GoalCardProgress node={goal()} today={today} />);
    expect(screen.getByTestId("goal-status").dataset.status).toBe("not-measured");
    expect(screen.getByTestId("stale-flag")).toBeTruthy();
    expect(screen.queryByTestId("sparkline")).toBeNull();
  });
});

describe("SmartLetters", () => {
  it("renders the five letters, each with its reason, and the goal in students", () => {
    render(<SmartLetters node={goal()} />);
    const items = screen.getByTestId("smart-letters").querySelectorAll("li");
    expect([...items].map((li) => li.dataset.letter)).toEqual(["S", "M", "A", "R", "T"]);
    for (const li of items) {
      expect(li.dataset.pass).toBe("true");
      expect(li.querySelector(".smart-reason")?.textContent?.length).toBeGreaterThan(5);
    }
    expect(
      within(items[4] as HTMLElement).getByText(
        `From ${formatDay("2025-09-01")} to ${formatDay("2026-06-01")}.`,
      ),
    ).toBeTruthy();
    expect(screen.getByTestId("students-sentence").textContent).toBe(
      "In students: 40% → 80% of 150 students: 60 → 120, 60 more students",
    );
  });

  it("says what is missing for a goal without targets, and gives no students sentence", () => {
    render(<SmartLetters node={goal({ smart: undefined, title: "Buy a reading program" })} />);
    const items = screen.getByTestId("smart-letters").querySelectorAll("li");
    expect([...items].every((li) => li.dataset.pass === "false")).toBe(true);
    expect(items[0]?.textContent).toContain('starts with "buy"');
    expect(items[1]?.textContent).toContain("an indicator");
    expect(screen.queryByTestId("students-sentence")).toBeNull();
  });
});

/** The export actions as plain buttons (the toolbar puts them under "More"). */
function ExportActions(props: Parameters<typeof useExportActions>[0]) {
  const { actions, overlays } = useExportActions(props);
  return (
    <>
      {actions.map((a) => (
        <button key={a.id} type="button" data-testid={a.testId} onClick={a.run}>
          {a.label}
        </button>
      ))}
      {overlays}
    </>
  );
}

describe("export actions: CSV", () => {
  it("downloads the domain's CSV of the live model, named after the model", async () => {
    const doc = new Y.Doc();
    const id = addNode(
      doc,
      {
        kind: "smallWin",
        title: 'Coaches "in" classrooms, weekly',
        position: { x: laneX("smallWin"), y: 0 },
      },
      "t",
    );
    addMeasurement(doc, id, { date: addDays(todayIso(), -3), value: 12, note: "=SUM(A1)" }, "t");
    const binding = new YjsFlowBinding(doc);
    const model = { ...binding.getSnapshot().model, title: "Reading plan" };
    let saved: Blob | undefined;
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      saved = blob as Blob;
      return "blob:csv";
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
    const clicks: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push({ href: this.getAttribute("href") ?? "", download: this.download });
    });
    render(
      <ReactFlowProvider>
        <ExportActions
          binding={binding}
          model={model}
          checkIns={[]}
          modelId="m1"
          token="t"
          canImport={false}
          onPrint={() => {}}
        />
      </ReactFlowProvider>,
    );
    fireEvent.click(screen.getByTestId("export-csv"));
    expect(clicks).toEqual([{ href: "blob:csv", download: "Reading plan.csv" }]);
    expect(saved?.type).toBe("text/csv;charset=utf-8");
    const bytes = new Uint8Array(await (saved as Blob).arrayBuffer());
    // The BOM, so a spreadsheet reads the file as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text).toBe(modelToCsv(model));
    expect(text).toContain('"Coaches ""in"" classrooms, weekly"');
    expect(text).toContain("'=SUM(A1)");
    expect(screen.queryByText(/^Import/)).toBeNull();
  });
});
