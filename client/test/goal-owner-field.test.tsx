import { addNode, laneX } from "@logic-canvas/shared";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { YjsFlowBinding } from "../src/canvas/yjs-flow-binding.ts";
import { GoalOwnerField } from "../src/monitoring/GoalOwnerField.tsx";

afterEach(cleanup);

/** A goal and an activity that Bea owns, so Bea is one of the people of the model. */
function setup(readOnly = false) {
  const doc = new Y.Doc();
  addNode(
    doc,
    {
      kind: "activity",
      title: "Coaching cycles",
      position: { x: laneX("activity"), y: 0 },
      plan: { owner: { id: "bea", name: "Bea" } },
    },
    "seed",
  );
  const id = addNode(
    doc,
    { kind: "midJourney", title: "Reading on level", position: { x: laneX("midJourney"), y: 0 } },
    "seed",
  );
  const binding = new YjsFlowBinding(doc, { readOnly });
  const model = () => binding.getSnapshot().model;
  const goal = () => model().nodes.find((n) => n.id === id);
  const show = () => (
    <GoalOwnerField node={goal() as never} model={model()} binding={binding} readOnly={readOnly} />
  );
  return { binding, goal, show };
}

describe("a goal's owner in the side panel", () => {
  it("an editor chooses a person of the model, then clears it", () => {
    const ctx = setup();
    const view = render(ctx.show());
    const select = screen.getByLabelText("Owner") as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual(["Nobody yet", "Bea"]);
    fireEvent.change(select, { target: { value: "bea" } });
    expect(ctx.goal()?.owner).toEqual({ id: "bea", name: "Bea" });
    view.rerender(ctx.show());
    expect(screen.getByTestId("goal-owner").textContent).toMatch(/Bea hears when .* off track/);
    fireEvent.change(screen.getByLabelText("Owner"), { target: { value: "" } });
    expect(ctx.goal()?.owner).toBeUndefined();
  });

  it("someone who may not edit reads the owner and cannot change it", () => {
    const ctx = setup();
    ctx.binding.updateNode(ctx.goal()?.id as string, { owner: { id: "cy", name: "Cy" } });
    const readOnly = setup(true);
    render(
      <GoalOwnerField
        node={ctx.goal() as never}
        model={ctx.binding.getSnapshot().model}
        binding={readOnly.binding}
        readOnly
      />,
    );
    const select = screen.getByLabelText("Owner") as HTMLSelectElement;
    expect(select.disabled).toBe(true);
    expect(select.selectedOptions[0]?.text).toBe("Cy");
  });
});
