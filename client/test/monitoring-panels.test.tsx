import {
  addDays,
  addNode,
  coachingTemplate,
  laneX,
  loadModel,
  type NodeKind,
  todayIso,
} from "@logic-canvas/shared";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { YjsFlowBinding } from "../src/canvas/yjs-flow-binding.ts";
import { PrintView } from "../src/exports/PrintView.tsx";
import { Dashboard } from "../src/monitoring/Dashboard.tsx";
import { GoalPanel } from "../src/monitoring/GoalPanel.tsx";
import { formatDay } from "../src/ui/dates.ts";

afterEach(cleanup);

const today = todayIso();

function setup(kind: NodeKind = "midJourney", readOnly = false) {
  const doc = new Y.Doc();
  const id = addNode(
    doc,
    {
      kind,
      title: "Teachers share learning intentions",
      position: { x: laneX(kind), y: 0 },
      smart: {
        indicator: "lessons observed with a shared intention",
        unit: "percent",
        baseline: { value: 20, date: addDays(today, -100) },
        target: { value: 80, date: addDays(today, 100) },
      },
    },
    "seed",
  );
  const binding = new YjsFlowBinding(doc, { readOnly });
  const node = () => binding.getSnapshot().model.nodes.find((n) => n.id === id);
  return { doc, binding, id, node };
}

function renderPanel(ctx: ReturnType<typeof setup>, readOnly = false) {
  const view = render(
    <GoalPanel node={ctx.node() as never} binding={ctx.binding} readOnly={readOnly} />,
  );
  const rerender = () =>
    view.rerender(
      <GoalPanel node={ctx.node() as never} binding={ctx.binding} readOnly={readOnly} />,
    );
  return { ...view, rerender };
}

function record(form: HTMLElement, date: string, value: string, note = "") {
  fireEvent.change(within(form).getByTestId("measurement-date"), { target: { value: date } });
  fireEvent.change(within(form).getByTestId("measurement-value"), { target: { value } });
  fireEvent.change(within(form).getByTestId("measurement-note"), { target: { value: note } });
  fireEvent.submit(form);
}

describe("GoalPanel", () => {
  it("records, fixes and deletes a measurement in the document", () => {
    const ctx = setup();
    const view = renderPanel(ctx);
    record(screen.getByTestId("measurement-form"), addDays(today, -5), "55", "spring walk");
    expect(ctx.node()?.measurements).toEqual([
      { date: addDays(today, -5), value: 55, note: "spring walk" },
    ]);
    view.rerender();
    expect(screen.getByTestId("goal-status").dataset.status).toBe("on-track");
    fireEvent.click(screen.getByRole("button", { name: "Fix" }));
    const forms = screen.getAllByTestId("measurement-form");
    const fixForm = forms[1] as HTMLElement;
    fireEvent.change(within(fixForm).getByTestId("measurement-value"), {
      target: { value: "45" },
    });
    fireEvent.submit(fixForm);
    expect(ctx.node()?.measurements?.map((m) => m.value)).toEqual([45]);
    view.rerender();
    fireEvent.click(screen.getByRole("button", { name: /Delete the measurement/ }));
    expect(ctx.node()?.measurements).toBeUndefined();
  });

  it("refuses a measurement without a value, and says why", () => {
    const ctx = setup();
    renderPanel(ctx);
    record(screen.getByTestId("measurement-form"), today, "");
    expect(screen.getByRole("alert").textContent).toContain("measured value as a number");
    expect(ctx.node()?.measurements).toBeUndefined();
  });

  it("edits the SMART fields and shows the students sentence once a cohort is known", () => {
    const ctx = setup();
    const view = renderPanel(ctx);
    expect(screen.queryByTestId("students-sentence")).toBeNull();
    const cohort = screen.getByTestId("smart-cohort");
    fireEvent.change(cohort, { target: { value: "150" } });
    fireEvent.blur(cohort);
    expect(ctx.node()?.smart?.cohortSize).toBe(150);
    const target = screen.getByTestId("smart-target-value");
    fireEvent.change(target, { target: { value: "66" } });
    fireEvent.blur(target);
    expect(ctx.node()?.smart?.target?.value).toBe(66);
    view.rerender();
    expect(screen.getByTestId("students-sentence").textContent).toContain("30 → 99, 69 more");
    fireEvent.change(screen.getByTestId("smart-unit"), { target: { value: "score" } });
    expect(ctx.node()?.smart?.unit).toBe("score");
  });

  it("hides recording, fixing and deleting from viewers and commenters", () => {
    const ctx = setup("midJourney", true);
    renderPanel(ctx, true);
    expect(screen.queryByTestId("measurement-form")).toBeNull();
    expect(screen.queryByRole("button", { name: "Fix" })).toBeNull();
    expect((screen.getByTestId("smart-cohort") as HTMLInputElement).readOnly).toBe(true);
  });
});

describe("Dashboard", () => {
  it("lists goals by lane with status, charts them, and records from a row", () => {
    const ctx = setup();
    const view = render(
      <Dashboard
        binding={ctx.binding}
        model={ctx.binding.getSnapshot().model}
        checkIns={[]}
        readOnly={false}
      />,
    );
    const row = screen.getByTestId("dashboard-goal");
    expect(row.dataset.status).toBe("not-measured");
    expect(within(row).getByTestId("dashboard-last-measured").textContent).toContain("never");
    expect(within(row).getByTestId("goal-chart").querySelector("svg")).not.toBeNull();
    fireEvent.click(within(row).getByTestId("dashboard-record"));
    record(within(row).getByTestId("measurement-form"), addDays(today, -1), "10");
    expect(ctx.node()?.measurements?.[0]?.value).toBe(10);
    view.rerender(
      <Dashboard
        binding={ctx.binding}
        model={ctx.binding.getSnapshot().model}
        checkIns={[]}
        readOnly={false}
      />,
    );
    const updated = screen.getByTestId("dashboard-goal");
    expect(updated.dataset.status).toBe("off-track");
    expect(within(updated).getByTestId("dashboard-latest").textContent).toBe("10%");
    expect(within(updated).getByTestId("goal-chart").dataset.points).toBe("1");
  });

  it("adds and removes check-ins and names goals not measured since the last one", () => {
    const ctx = setup();
    const renderDashboard = () => (
      <Dashboard
        binding={ctx.binding}
        model={ctx.binding.getSnapshot().model}
        checkIns={ctx.binding.getSnapshot().checkIns}
        readOnly={false}
      />
    );
    const view = render(renderDashboard());
    const add = (date: string) => {
      fireEvent.change(screen.getByTestId("check-in-date"), { target: { value: date } });
      fireEvent.submit(screen.getByTestId("check-in-date").closest("form") as HTMLFormElement);
      view.rerender(renderDashboard());
    };
    add(addDays(today, -10));
    add(addDays(today, 20));
    expect(ctx.binding.getSnapshot().checkIns).toEqual([addDays(today, -10), addDays(today, 20)]);
    expect(screen.getByTestId("next-check-in").textContent).toContain(
      formatDay(addDays(today, 20)),
    );
    expect(screen.getByTestId("not-measured-since").textContent).toContain(
      "Teachers share learning intentions",
    );
    act(() => {
      fireEvent.click(
        screen.getByRole("button", {
          name: `Remove the check-in of ${formatDay(addDays(today, 20))}`,
        }),
      );
    });
    view.rerender(renderDashboard());
    expect(ctx.binding.getSnapshot().checkIns).toEqual([addDays(today, -10)]);
    expect(screen.getByTestId("next-check-in").textContent).toContain("No check-in planned");
  });
});

describe("PrintView", () => {
  it("prints the mastery goal and every card of the template under its lane", () => {
    const doc = new Y.Doc();
    const template = coachingTemplate();
    loadModel(doc, template, "seed");
    const model = new YjsFlowBinding(doc).getSnapshot().model;
    render(<PrintView model={model} />);
    expect(screen.getByText(template.masteryGoal)).toBeTruthy();
    const items = screen.getAllByTestId("print-item");
    expect(items).toHaveLength(template.nodes.length);
    const headers = screen.getAllByRole("columnheader").map((h) => h.textContent);
    expect(headers[0]).toContain("Inputs");
    expect(headers[4]).toContain("Long-term performance goals");
    const withTarget = template.nodes.find((n) => n.smart?.target);
    const cell = items.find((i) => i.dataset.nodeId === withTarget?.id) as HTMLElement;
    expect(cell.textContent).toContain("Target");
    expect(cell.textContent).toContain(withTarget?.smart?.indicator ?? "missing");
  });
});
