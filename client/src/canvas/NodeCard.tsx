import { checkSmart, INNOVATION_STAGE_LABELS, isGoalKind, KIND_LABELS } from "@logic-canvas/shared";
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import { CardTitle } from "./CardTitle.tsx";
import { useCardMark } from "./card-marks.ts";
import { useCardSlots } from "./card-slots.ts";
import { useIsLinkTarget } from "./link-start.ts";
import { useMountBudget } from "./mount-budget.ts";
import { useReadOnly } from "./read-only.ts";
import type { CardNode } from "./yjs-flow-binding.ts";

function SmartBadge({ node }: { node: CardNode["data"]["node"] }) {
  const checks = checkSmart(node);
  const passed = checks.filter((c) => c.pass).length;
  const title = checks.map((c) => `${c.letter} ${c.pass ? "✓" : "✗"} ${c.reason}`).join("\n");
  return (
    <span className={`badge smart-badge${passed === 5 ? " smart-ok" : ""}`} title={title}>
      {checks.map((c) => (
        <span key={c.letter} className={c.pass ? "smart-pass" : "smart-fail"}>
          {c.letter}
        </span>
      ))}
    </span>
  );
}

function CardView({ id, data, selected }: NodeProps<CardNode>) {
  const { node } = data;
  const mark = useCardMark(id);
  const linkTarget = useIsLinkTarget(id);
  // The frame and title at once; handles, the title editor and badges within the frame budget,
  // and not before the document has synced (a provisional card of the first layer).
  const full = useMountBudget();

  return (
    // biome-ignore lint/a11y/useSemanticElements: a card on a canvas, not a form's fieldset
    <div
      className={`card kind-${node.kind}${selected ? " is-selected" : ""}${linkTarget ? " is-link-target" : ""}`}
      data-testid="card"
      data-node-id={id}
      // Reached with the arrow keys from the canvas (one Tab stop), not each card by Tab.
      tabIndex={-1}
      role="group"
      aria-roledescription="card"
      aria-label={`${KIND_LABELS[node.kind].short}: ${node.title}`}
      data-marks={mark || undefined}
      data-provisional={data.provisional || undefined}
    >
      <div className="card-kind">{KIND_LABELS[node.kind].short}</div>
      {data.provisional ? (
        <ProvisionalBody title={node.title} />
      ) : full ? (
        <CardBody id={id} node={node} />
      ) : (
        <div className="card-title">{node.title}</div>
      )}
    </div>
  );
}

/**
 * A card of the first layer, before the document synced: its title, and handles that nothing can
 * grab (React Flow draws a link only between two handles it measured).
 */
function ProvisionalBody({ title }: { title: string }) {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="card-title">{title}</div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </>
  );
}

/** What a card shows once its turn in the frame budget comes. */
function CardBody({ id, node }: { id: string; node: CardNode["data"]["node"] }) {
  const readOnly = useReadOnly();
  const { Extras } = useCardSlots();
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={!readOnly} />
      <CardTitle id={id} title={node.title} />
      <div className="card-footer">
        {isGoalKind(node.kind) && <SmartBadge node={node} />}
        {node.kind === "activity" && node.stage && (
          <span
            className={`badge stage stage-${node.stage}`}
            title={INNOVATION_STAGE_LABELS[node.stage]}
          >
            {node.stage}
          </span>
        )}
        {Extras && <Extras id={id} node={node} />}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={!readOnly} />
    </>
  );
}

export const NodeCard = memo(CardView);
