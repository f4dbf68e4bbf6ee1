import {
  currentCycle,
  cycleBadge,
  cyclePhase,
  isCheckOverdue,
  type PdcaCycle,
  todayIso,
} from "@logic-canvas/shared";
import "./pdca.css";

/** The current PDCA phase on a goal card: "PDCA 2 · Do", flagged when its Check is overdue. */
export function CycleBadge({ cycles }: { cycles: PdcaCycle[] | undefined }) {
  const today = todayIso();
  const text = cycleBadge(cycles, today);
  const cycle = currentCycle(cycles);
  if (!text || !cycle) return null;
  const overdue = isCheckOverdue(cycle, today);
  return (
    <span
      className={`badge cycle-badge${overdue ? " cycle-overdue" : ""}`}
      data-testid="cycle-badge"
      data-phase={cyclePhase(cycle, today)}
      title={
        overdue
          ? `The Check date ${cycle.check?.date} has passed without a decision`
          : "The phase of this goal's current Plan–Do–Check–Act cycle"
      }
    >
      {text}
    </span>
  );
}
