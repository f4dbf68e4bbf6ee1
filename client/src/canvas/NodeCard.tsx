import {
  checkSmart,
  INNOVATION_STAGE_LABELS,
  isGoalKind,
  KIND_LABELS,
  titleProblem,
} from "@logic-canvas/shared";
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo, useEffect, useState } from "react";
import { useBinding } from "./actions-context.ts";
import { useCardMark } from "./card-marks.ts";
import { focusCard } from "./card-navigation.ts";
import { useCardSlots } from "./card-slots.ts";
import { useIsLinkTarget } from "./link-start.ts";
import { useReadOnly } from "./read-only.ts";
import { takeTitleEdit, useTitleEditRequested } from "./title-edit.ts";
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
  const binding = useBinding();
  const readOnly = useReadOnly();
  const { Extras } = useCardSlots();
  const mark = useCardMark(id);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(node.title);
  const editRequested = useTitleEditRequested(id);
  const linkTarget = useIsLinkTarget(id);

  // A card just created, or one Enter was pressed on, opens its title with the text selected, so
  // what the person types replaces "New input" instead of going to the page's shortcuts.
  useEffect(() => {
    if (!editRequested) return;
    takeTitleEdit(id);
    if (readOnly) return;
    setDraft(node.title);
    setEditing(true);
  }, [editRequested, id, readOnly, node.title]);

  function commit() {
    // Too long to save: the card stays in edit mode with the reason, nothing is cut.
    if (titleProblem(draft)) return;
    setEditing(false);
    const title = draft.trim();
    if (title && title !== node.title) binding.updateNode(id, { title });
  }

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
    >
      <Handle type="target" position={Position.Left} isConnectable={!readOnly} />
      <div className="card-kind">{KIND_LABELS[node.kind].short}</div>
      {editing && titleProblem(draft) && (
        <p className="card-title-problem" role="alert">
          {titleProblem(draft)}
        </p>
      )}
      {editing ? (
        <textarea
          className="card-title-input nodrag"
          aria-label="Card title"
          // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this title
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === "Enter" && !e.shiftKey) {
              e.preventDefault();
              commit();
              focusCard(id);
            } else if (e.key === "Escape") {
              setEditing(false);
              focusCard(id);
            }
          }}
        />
      ) : (
        // biome-ignore lint/a11y/noStaticElementInteractions: the side panel's title field is the keyboard path
        <div
          className="card-title"
          onDoubleClick={(e) => {
            if (readOnly) return;
            e.stopPropagation();
            setDraft(node.title);
            setEditing(true);
          }}
          title={readOnly ? node.title : `${node.title}\n\nDouble-click to edit`}
        >
          {node.title}
        </div>
      )}
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
    </div>
  );
}

export const NodeCard = memo(CardView);
