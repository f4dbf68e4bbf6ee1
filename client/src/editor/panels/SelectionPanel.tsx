import {
  INNOVATION_STAGE_LABELS,
  INNOVATION_STAGES,
  isGoalKind,
  KIND_LABELS,
  type LogicNode,
  NODE_KINDS,
  type NodeKind,
  titleProblem,
} from "@logic-canvas/shared";
import { lazy } from "react";
import { useReadOnly } from "../../canvas/read-only.ts";
import { AlignmentSection } from "../../cascade/AlignmentSection.tsx";
import { GoalOwnerField } from "../../monitoring/GoalOwnerField.tsx";
import { ActionPlanEditor } from "../../plans/ActionPlanEditor.tsx";
import { NodeReview } from "../../review/NodeReview.tsx";
import { CommitField } from "../../ui/CommitField.tsx";
import { LoadedPart } from "../../ui/LoadedPart.tsx";
import { Section } from "../../ui/Section.tsx";
import type { PanelProps } from "./panel-props.ts";

// A goal's measurements, SMART target, cycles and subgroups: loaded when a goal is first selected,
// not before the first cards.
const GoalPanel = lazy(() =>
  import("../../monitoring/GoalPanel.tsx").then((m) => ({ default: m.GoalPanel })),
);

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** An activity's place on the innovation radar (issue 17). */
function StageField({
  node,
  binding,
  readOnly,
}: Pick<PanelProps, "binding"> & { node: LogicNode; readOnly: boolean }) {
  return (
    <label className="field">
      <span>Innovation stage</span>
      <select
        value={node.stage ?? ""}
        disabled={readOnly}
        onChange={(e) =>
          binding.updateNode(node.id, {
            stage: (e.target.value || null) as LogicNode["stage"] | null,
          })
        }
      >
        <option value="">Not set</option>
        {INNOVATION_STAGES.map((s) => (
          <option key={s} value={s}>
            {INNOVATION_STAGE_LABELS[s]}
          </option>
        ))}
      </select>
    </label>
  );
}

function NodeDetails({ node, binding, model }: PanelProps & { node: LogicNode }) {
  const readOnly = useReadOnly();
  const incoming = model.edges.filter((e) => e.target === node.id).length;
  const outgoing = model.edges.filter((e) => e.source === node.id).length;
  return (
    <div className={`details kind-${node.kind}`} data-testid="node-details">
      <CommitField
        label="Title"
        value={node.title}
        readOnly={readOnly}
        multiline
        problemOf={titleProblem}
        onCommit={(title) => title.trim() && binding.updateNode(node.id, { title: title.trim() })}
      />
      <label className="field">
        <span>Lane</span>
        <select
          value={node.kind}
          disabled={readOnly}
          onChange={(e) => binding.changeKind(node.id, e.target.value as NodeKind)}
        >
          {NODE_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k].label}
            </option>
          ))}
        </select>
      </label>
      {node.kind === "activity" && <StageField node={node} binding={binding} readOnly={readOnly} />}
      <CommitField
        label="Notes"
        value={node.notes ?? ""}
        readOnly={readOnly}
        multiline
        placeholder="Context, sources, who is responsible…"
        onCommit={(notes) => binding.updateNode(node.id, { notes: notes === "" ? null : notes })}
      />
      {isGoalKind(node.kind) && (
        <GoalOwnerField node={node} model={model} binding={binding} readOnly={readOnly} />
      )}
      {isGoalKind(node.kind) && (
        <LoadedPart fallback={<p className="muted small">Loading the goal’s progress…</p>}>
          <GoalPanel node={node} binding={binding} readOnly={readOnly} />
        </LoadedPart>
      )}
      {node.kind === "activity" && (
        <ActionPlanEditor node={node} model={model} binding={binding} readOnly={readOnly} />
      )}
      {isGoalKind(node.kind) && <AlignmentSection node={node} readOnly={readOnly} />}
      <NodeReview node={node} />
      <p className="muted small">
        {plural(incoming, "link")} in, {plural(outgoing, "link")} out.
      </p>
      {!readOnly && (
        <button
          type="button"
          className="danger"
          onClick={() => binding.deleteSelection({ nodeIds: [node.id] })}
        >
          Delete card
        </button>
      )}
    </div>
  );
}

export function SelectionPanel(props: PanelProps) {
  const { model, selection, binding } = props;
  const readOnly = useReadOnly();
  if (selection.nodeIds.length === 1) {
    const node = model.nodes.find((n) => n.id === selection.nodeIds[0]);
    if (node) return <NodeDetails {...props} node={node} key={node.id} />;
  }
  if (selection.nodeIds.length === 0 && selection.edgeIds.length === 1) {
    const edge = model.edges.find((e) => e.id === selection.edgeIds[0]);
    if (edge) {
      const title = (id: string) => model.nodes.find((n) => n.id === id)?.title ?? "(deleted card)";
      return (
        <div className="details" data-testid="edge-details" key={edge.id}>
          <Section title="Link">
            <p className="link-ends">
              <strong>{title(edge.source)}</strong> → <strong>{title(edge.target)}</strong>
            </p>
          </Section>
          <CommitField
            label="Because… (rationale)"
            value={edge.rationale ?? ""}
            readOnly={readOnly}
            multiline
            placeholder="Why does the first lead to the second?"
            onCommit={(rationale) => binding.updateEdge(edge.id, rationale)}
          />
          {!readOnly && (
            <button
              type="button"
              className="danger"
              onClick={() => binding.deleteSelection({ edgeIds: [edge.id] })}
            >
              Delete link
            </button>
          )}
        </div>
      );
    }
  }
  if (selection.nodeIds.length + selection.edgeIds.length > 1)
    return (
      <p className="panel-empty">
        {selection.nodeIds.length} cards and {selection.edgeIds.length} links selected. Drag to move
        them together; Delete removes them.
      </p>
    );
  return (
    <div className="panel-empty">
      <p>Select a card or a link to see and edit its details.</p>
      <p className="muted small">
        {plural(props.counts?.cards ?? model.nodes.length, "card")},{" "}
        {plural(props.counts?.links ?? model.edges.length, "link")}.{" "}
        {!readOnly &&
          "Double-click a lane to add a card; drag from a card’s right handle to link it."}
      </p>
    </div>
  );
}
