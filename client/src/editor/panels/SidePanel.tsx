import { lazy, useEffect, useState } from "react";
import { CommentsTabCount } from "../../review/CardReviewBadges.tsx";
import { onCommentsRequest } from "../../review/comments-request.ts";
import { LoadedPart } from "../../ui/LoadedPart.tsx";
import type { PanelProps } from "./panel-props.ts";
import { SelectionPanel } from "./SelectionPanel.tsx";
import { useValidation, ValidationPanel } from "./ValidationPanel.tsx";

// The tabs not shown at first load their code when first opened, not before the first cards.
const CommentsPanel = lazy(() =>
  import("../../review/CommentsPanel.tsx").then((m) => ({ default: m.CommentsPanel })),
);
const ConsensusPanel = lazy(() =>
  import("../../review/ConsensusPanel.tsx").then((m) => ({ default: m.ConsensusPanel })),
);
const HistoryPanel = lazy(() =>
  import("../../history/HistoryPanel.tsx").then((m) => ({ default: m.HistoryPanel })),
);

/**
 * The side panel's sections, as tabs. Later features (comments, history, SMART goals) add an
 * entry here with their own component under `panels/`.
 */
const SECTIONS = [
  { id: "details", label: "Details", Component: SelectionPanel },
  { id: "checks", label: "Checks", Component: ValidationPanel },
  { id: "comments", label: "Comments", Component: CommentsPanel },
  { id: "consensus", label: "Consensus", Component: ConsensusPanel },
  { id: "history", label: "History", Component: HistoryPanel },
] as const;

export function SidePanel(props: PanelProps) {
  const [active, setActive] = useState<(typeof SECTIONS)[number]["id"]>("details");
  useEffect(() => onCommentsRequest(() => setActive("comments")), []);
  const validation = useValidation(props.model);
  const problems = validation.errors.length + validation.warnings.length;
  const Section = SECTIONS.find((s) => s.id === active)?.Component ?? SelectionPanel;
  return (
    <aside className="side-panel" aria-label="Side panel">
      <div className="tabs" role="tablist">
        {SECTIONS.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            aria-selected={active === s.id}
            aria-controls={`panel-${s.id}`}
            onClick={() => setActive(s.id)}
          >
            {s.label}
            {s.id === "comments" && <CommentsTabCount />}
            {s.id === "checks" && problems > 0 && (
              <span
                className={`count ${validation.errors.length ? "count-error" : "count-warning"}`}
              >
                {problems}
              </span>
            )}
          </button>
        ))}
      </div>
      <div className="panel-body" role="tabpanel" id={`panel-${active}`}>
        <LoadedPart fallback={<p className="muted small">Loading…</p>}>
          <Section {...props} />
        </LoadedPart>
      </div>
    </aside>
  );
}
