import type { LogicNode } from "@logic-canvas/shared";
import { memo } from "react";
import { STATUS_LABEL } from "../monitoring/status-labels.ts";
import { alignmentsOf } from "./alignment-writes.ts";
import { useModelAlignments } from "./card-alignment-store.ts";
import { goalKey } from "./map-tree.ts";
import "./card-alignment.css";

/**
 * On a goal card: where it aligns up to (the parent goal's title in its status colour, or
 * "broken" with why) and how many goals align to it from below.
 */
function CardAlignmentView({ id, node }: { id: string; node: LogicNode }) {
  const resolved = useModelAlignments();
  const up = alignmentsOf(node);
  const below = resolved?.down[id] ?? 0;
  if (up.length === 0 && below === 0) return null;
  const parents = resolved?.up[id] ?? [];
  return (
    <span className="card-alignment" data-testid="card-alignment">
      {up.map((a) => {
        const p = parents.find((x) => goalKey(x) === goalKey(a));
        const broken = p?.broken;
        const words = broken
          ? `Broken alignment: ${broken}`
          : `Aligns to ${p?.title ?? "a goal above"}${p?.workspaceName ? ` (${p.workspaceName})` : ""}${p?.status ? `, ${STATUS_LABEL[p.status].toLowerCase()}` : ""}`;
        return (
          <span
            key={goalKey(a)}
            className={`badge align-up${broken ? " is-broken" : ""}${p?.status ? ` status-${p.status}` : ""}`}
            title={words}
            data-testid="align-up"
          >
            <span aria-hidden="true">↑</span>
            {!broken && p?.status && <span className="status-dot" aria-hidden="true" />}
            <span className="align-up-title">{broken ? "Broken" : (p?.title ?? "…")}</span>
            <span className="visually-hidden">{words}</span>
          </span>
        );
      })}
      {below > 0 && (
        <span
          className="badge align-down"
          title={`${below} ${below === 1 ? "goal aligns" : "goals align"} to this from below`}
          data-testid="align-down"
        >
          <span aria-hidden="true">↓ {below}</span>
          <span className="visually-hidden">
            {below} {below === 1 ? "goal aligns" : "goals align"} to this from below
          </span>
        </span>
      )}
    </span>
  );
}

export const CardAlignment = memo(CardAlignmentView);
