import type { LogicNode } from "@logic-canvas/shared";
import { memo, useEffect } from "react";
import { STATUS_LABEL } from "../monitoring/status-labels.ts";
import { alignmentsOf, resolveAlignments, useModelAlignments } from "./card-alignment-store.ts";
import { BROKEN_REASON_TEXT, type UpTarget } from "./cascade-types.ts";
import { goalKey } from "./map-tree.ts";
import "./card-alignment.css";

/** "Aligns to Reading proficiency (Lincoln Elementary), on track", or why it is broken. */
export function upWords(target: UpTarget | undefined): string {
  if (target?.broken === "not-visible") return "Aligns to a goal above in a model you may not see";
  if (target?.broken) return `Broken alignment: ${BROKEN_REASON_TEXT[target.broken]}`;
  const where = target?.workspaceName ? ` (${target.workspaceName})` : "";
  const status = target?.status ? `, ${STATUS_LABEL[target.status].toLowerCase()}` : "";
  return `Aligns to ${target?.title ?? "a goal above"}${where}${status}`;
}

/** "3 goals align to this one from below (1 in a model you may not see)". */
export function belowWords(seen: number, hidden: number): string {
  const total = seen + hidden;
  if (total === 0) return "No goal aligns to this one from below.";
  const verb = total === 1 ? "goal aligns" : "goals align";
  const tail = hidden > 0 ? ` (${hidden} in models you may not see)` : "";
  return `${total} ${verb} to this one from below${tail}.`;
}

/**
 * On a goal card: where it aligns up to (the parent goal's title by its status colour, or
 * "Broken" with why in its title and for screen readers) and how many goals align from below.
 */
function CardAlignmentView({ id, node }: { id: string; node: LogicNode }) {
  const resolved = useModelAlignments().get(id);
  const up = alignmentsOf(node);
  useEffect(() => resolveAlignments(id, up), [id, up]);
  const below = (resolved?.alignedFromBelow ?? 0) + (resolved?.hiddenFromBelow ?? 0);
  if (up.length === 0 && below === 0) return null;
  return (
    <span className="card-alignment" data-testid="card-alignment">
      {up.map((a) => {
        const target = resolved?.up.find((x) => goalKey(x) === goalKey(a));
        const words = upWords(target);
        const status = target?.status && !target.broken ? target.status : null;
        // A goal above that this person may not see is still aligned: not "Broken", only unseen.
        const broken = target?.broken && target.broken !== "not-visible";
        const label = broken ? "Broken" : target?.broken ? "Goal above" : (target?.title ?? "…");
        return (
          <span
            key={goalKey(a)}
            className={`badge align-up${broken ? " is-broken" : ""}${status ? ` status-${status}` : ""}`}
            title={words}
            data-testid="align-up"
            data-status={status ?? undefined}
          >
            <span aria-hidden="true">↑</span>
            {status && <span className="status-dot" aria-hidden="true" />}
            <span className="align-up-title" aria-hidden="true">
              {label}
            </span>
            <span className="visually-hidden">{words}</span>
          </span>
        );
      })}
      {below > 0 && (
        <span
          className="badge align-down"
          title={belowWords(resolved?.alignedFromBelow ?? 0, resolved?.hiddenFromBelow ?? 0)}
          data-testid="align-down"
        >
          <span aria-hidden="true">↓ {below}</span>
          <span className="visually-hidden">
            {belowWords(resolved?.alignedFromBelow ?? 0, resolved?.hiddenFromBelow ?? 0)}
          </span>
        </span>
      )}
    </span>
  );
}

export const CardAlignment = memo(CardAlignmentView);
