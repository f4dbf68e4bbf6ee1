import type { LogicNode } from "@logic-canvas/shared";
import { useState } from "react";
import type { YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import { StatusBadge } from "../monitoring/StatusBadge.tsx";
import { Section } from "../ui/Section.tsx";
import { AlignPicker } from "./AlignPicker.tsx";
import { type Alignment, alignmentsOf, sameGoal, writeAlignments } from "./alignment-writes.ts";
import { reloadAlignments, useModelAlignments } from "./card-alignment-store.ts";
import { goalKey } from "./map-tree.ts";
import "./card-alignment.css";

/**
 * A goal card's alignment in the side panel: the goals above it contributes to (with the note,
 * broken ones in words), "Align to…" and Remove, and what aligns to it from below with the
 * students arithmetic.
 */
export function AlignmentSection({
  node,
  binding,
  readOnly,
}: {
  node: LogicNode;
  binding: YjsFlowBinding;
  readOnly: boolean;
}) {
  const [picking, setPicking] = useState(false);
  const resolved = useModelAlignments();
  const list = alignmentsOf(node);
  const parents = resolved?.up[node.id] ?? [];
  const below = resolved?.down[node.id] ?? 0;
  const rollup = resolved?.rollups[node.id];
  const write = (next: Alignment[]) => {
    writeAlignments(binding, node.id, next);
    reloadAlignments();
  };

  return (
    <Section title="Alignment">
      {list.length === 0 ? (
        <p className="muted small">This goal aligns to no goal above.</p>
      ) : (
        <ul className="align-list" data-testid="alignments">
          {list.map((a) => {
            const p = parents.find((x) => goalKey(x) === goalKey(a));
            return (
              <li key={goalKey(a)} className={p?.broken ? "is-broken" : undefined}>
                {p?.broken ? (
                  <strong className="align-broken">Broken: {p.broken}</strong>
                ) : (
                  <span>
                    {p?.status && <StatusBadge status={p.status} compact />}{" "}
                    <strong>{p?.title ?? "A goal above"}</strong>
                    {p?.workspaceName && <span className="muted"> · {p.workspaceName}</span>}
                  </span>
                )}
                {a.note && <span className="small align-note">{a.note}</span>}
                {!readOnly && (
                  <button
                    type="button"
                    className="link-button small"
                    aria-label={`Remove the alignment to ${p?.title ?? "this goal"}`}
                    onClick={() => write(list.filter((x) => !sameGoal(x, a)))}
                  >
                    Remove
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!readOnly && (
        <button type="button" onClick={() => setPicking(true)}>
          Align to…
        </button>
      )}
      <p className="small" data-testid="aligned-below">
        {below === 0
          ? "No goal aligns to this one from below."
          : `${below} ${below === 1 ? "goal aligns" : "goals align"} to this one from below.`}
      </p>
      {rollup && <p className="small align-rollup">{rollup.text}</p>}
      {picking && (
        <AlignPicker
          current={list}
          onClose={() => setPicking(false)}
          onAlign={(a) => {
            write([...list, a]);
            setPicking(false);
          }}
        />
      )}
    </Section>
  );
}
