import { addNode, type FileError, laneX } from "@logic-canvas/shared";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { ReactFlowProvider } from "@xyflow/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { BindingContext } from "../src/canvas/actions-context.ts";
import { NodeCard } from "../src/canvas/NodeCard.tsx";
import { ReadOnlyContext } from "../src/canvas/read-only.ts";
import { type CardNode, YjsFlowBinding } from "../src/canvas/yjs-flow-binding.ts";
import { ImportReport } from "../src/exports/ImportReport.tsx";
import { ImportModel } from "../src/home/ImportModel.tsx";

afterEach(cleanup);

function renderCard(
  kind: "activity" | "smallWin",
  extra: Record<string, unknown> = {},
  readOnly = false,
) {
  const doc = new Y.Doc();
  const id = addNode(
    doc,
    { kind, title: "Teachers share intentions", position: { x: laneX(kind), y: 0 }, ...extra },
    "t",
  );
  const binding = new YjsFlowBinding(doc, { readOnly });
  const node = binding.getSnapshot().nodes[0] as CardNode;
  const props = {
    id,
    data: node.data,
    selected: false,
    type: "card",
    dragging: false,
    zIndex: 0,
    selectable: true,
    deletable: true,
    draggable: true,
    isConnectable: true,
    positionAbsoluteX: 0,
    positionAbsoluteY: 0,
  } as const;
  render(
    <ReactFlowProvider>
      <BindingContext.Provider value={binding}>
        <ReadOnlyContext.Provider value={readOnly}>
          <NodeCard {...props} />
        </ReadOnlyContext.Provider>
      </BindingContext.Provider>
    </ReactFlowProvider>,
  );
  return { doc, binding, id };
}

describe("NodeCard", () => {
  it("shows a goal's SMART letters", () => {
    renderCard("smallWin");
    expect(screen.getByText("Teachers share intentions")).toBeTruthy();
    for (const letter of ["S", "M", "A", "R", "T"]) expect(screen.getByText(letter)).toBeTruthy();
  });

  it("shows an activity's innovation stage", () => {
    renderCard("activity", { stage: "blossom" });
    expect(screen.getByText("blossom").getAttribute("title")).toContain("new, no fruit yet");
  });

  it("edits the title in place and writes it to the document", async () => {
    const { binding, id } = renderCard("activity");
    fireEvent.doubleClick(screen.getByText("Teachers share intentions"));
    const input = screen.getByLabelText("Card title");
    fireEvent.change(input, { target: { value: "Teachers co-plan lessons" } });
    fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() =>
      expect(binding.getSnapshot().model.nodes.find((n) => n.id === id)?.title).toBe(
        "Teachers co-plan lessons",
      ),
    );
  });

  it("offers no title editing when read-only", () => {
    renderCard("activity", {}, true);
    fireEvent.doubleClick(screen.getByText("Teachers share intentions"));
    expect(screen.queryByLabelText("Card title")).toBeNull();
  });
});

/** The home page's import: the card, and the report it fills. */
function ImportWithReport({ onCreate }: { onCreate: () => Promise<void> }) {
  const [report, setReport] = useState<{ fileName: string; problems: FileError[] } | null>(null);
  return (
    <>
      <ImportModel disabled={false} onCreate={onCreate} onProblems={setReport} />
      {report && (
        <ImportReport
          fileName={report.fileName}
          problems={report.problems}
          nothing="Nothing was created."
        />
      )}
    </>
  );
}

describe("ImportModel", () => {
  it("lists every problem of an invalid file, in words, and creates nothing", async () => {
    const onCreate = vi.fn(async () => {});
    const { container } = render(<ImportWithReport onCreate={onCreate} />);
    const bad = {
      format: "logic-model",
      version: 1,
      title: "",
      masteryGoal: "",
      nodes: [{ id: "a", kind: "x", title: "" }],
      edges: [],
    };
    const file = new File([JSON.stringify(bad)], "bad.json", { type: "application/json" });
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [file] } });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Nothing was created");
    expect(alert.textContent).toContain("Card 1: the kind “x” is not one of inputs");
    expect(alert.textContent).toContain("nodes[0].kind");
    expect(alert.textContent).toContain("nodes[0].title");
    expect(onCreate).not.toHaveBeenCalled();
  });

  it("says so when the file is not JSON", async () => {
    const onCreate = vi.fn(async () => {});
    const { container } = render(<ImportWithReport onCreate={onCreate} />);
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(["{nope"], "x.json")] } });
    expect((await screen.findByRole("alert")).textContent).toContain("not JSON");
    expect(onCreate).not.toHaveBeenCalled();
  });
});
