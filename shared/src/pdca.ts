import type { PdcaCycle, PdcaDecision } from "./cycle-schema.ts";
import { isGoalKind } from "./kinds.ts";
import type { LogicModel, LogicNode, Measurement } from "./schema.ts";

/**
 * The rules of PDCA cycles on a goal (issue 17), pure: which phase a cycle is in on a given day,
 * what may be done next, and what the Progress view lists. Dates are `YYYY-MM-DD`, so comparing
 * them as text compares them as days.
 *
 * - plan:   what the team will try, and until when, is not written yet;
 * - do:     the plan is written and its Check date (or, without one, its end) is still ahead;
 * - check:  that day has come: look at the cycle's measurements and note what you saw;
 * - act:    findings are noted; the team decides to adopt, adapt or abandon, with a reason;
 * - closed: decided. Only then may the goal start its next cycle.
 */

export type CyclePhase = "plan" | "do" | "check" | "act" | "closed";

export const PHASE_LABELS: Record<CyclePhase, string> = {
  plan: "Plan",
  do: "Do",
  check: "Check",
  act: "Act",
  closed: "Decided",
};

export const DECISION_LABELS: Record<PdcaDecision, string> = {
  adopt: "Adopt",
  adapt: "Adapt",
  abandon: "Abandon",
};

function planWritten(cycle: PdcaCycle): boolean {
  return !!cycle.plan?.what.trim() && !!cycle.plan.until;
}

/** The day the cycle is checked: its Check date, or else the end of its plan. */
export function checkDay(cycle: PdcaCycle): string | undefined {
  return cycle.check?.date ?? cycle.plan?.until;
}

export function cyclePhase(cycle: PdcaCycle, today: string): CyclePhase {
  if (cycle.act) return "closed";
  if (!planWritten(cycle)) return "plan";
  if (cycle.check?.findings?.trim()) return "act";
  const due = checkDay(cycle);
  return due !== undefined && today >= due ? "check" : "do";
}

/** A cycle whose Check date has passed without a decision. */
export function isCheckOverdue(cycle: PdcaCycle, today: string): boolean {
  const date = cycle.check?.date;
  return !cycle.act && date !== undefined && today > date;
}

/** A goal's current cycle: its last one (cycles are kept in the order they were started). */
export function currentCycle(cycles: readonly PdcaCycle[] | undefined): PdcaCycle | undefined {
  return cycles?.length ? cycles[cycles.length - 1] : undefined;
}

/** Why a new cycle cannot start now, or null: the previous one needs its Act decision first. */
export function startCycleProblem(cycles: readonly PdcaCycle[] | undefined): string | null {
  const last = currentCycle(cycles);
  if (!last || last.act) return null;
  return "The current cycle has no decision yet: decide to adopt, adapt or abandon it before starting the next one.";
}

/** What a new cycle's Plan starts with: after “adapt”, the previous plan and activities. */
export function nextCycleDraft(cycles: readonly PdcaCycle[] | undefined): {
  what: string;
  activities: string[];
} {
  const last = currentCycle(cycles);
  if (last?.act?.decision !== "adapt") return { what: "", activities: [] };
  return { what: last.plan?.what ?? "", activities: [...(last.do?.activities ?? [])] };
}

/** The first check-in date on or after `from`: the Check date to suggest. */
export function suggestCheckDate(checkIns: readonly string[], from: string): string | null {
  return [...checkIns].sort().find((date) => date >= from) ?? null;
}

/** Why a Plan cannot be saved, or null. */
export function planProblem(
  cycle: PdcaCycle,
  plan: { what: string; until?: string },
): string | null {
  const started = cycle.plan?.started;
  if (plan.until && started && plan.until < started)
    return `The plan cannot end (${plan.until}) before the cycle started (${started}).`;
  return null;
}

/** Why a Check date cannot be saved, or null. */
export function checkProblem(cycle: PdcaCycle, date: string | undefined): string | null {
  const started = cycle.plan?.started;
  if (date && started && date < started)
    return `The Check date (${date}) cannot come before the cycle started (${started}).`;
  return null;
}

/** Why a decision cannot be recorded, or null: it needs a reason, and the Check to have come. */
export function decisionProblem(cycle: PdcaCycle, reason: string, today: string): string | null {
  if (!reason.trim()) return "Say why: a decision needs a reason.";
  const phase = cyclePhase(cycle, today);
  if (phase === "plan") return "Write the plan (what you will try, until when) before deciding.";
  if (phase === "do")
    return `The Check comes first: decide on or after ${checkDay(cycle) ?? "the Check date"}, or note what you saw.`;
  return null;
}

/** The goal's measurements dated within the cycle: from its start to its Check day. */
export function measurementsOfCycle(
  cycle: PdcaCycle,
  measurements: readonly Measurement[] | undefined,
): Measurement[] {
  const from = cycle.plan?.started ?? "0000-01-01";
  const to = checkDay(cycle) ?? "9999-12-31";
  return (measurements ?? []).filter((m) => m.date >= from && m.date <= to);
}

export interface GoalCycleRow {
  goal: LogicNode;
  cycle: PdcaCycle;
  /** 1 for the goal's first cycle. */
  number: number;
  phase: CyclePhase;
  overdue: boolean;
}

export const PHASE_ORDER: readonly CyclePhase[] = ["plan", "do", "check", "act", "closed"];

/** The goals that run cycles, by the phase of their current cycle; overdue Checks first. */
export function goalsByCyclePhase(
  model: LogicModel,
  today: string,
): { phase: CyclePhase; rows: GoalCycleRow[] }[] {
  const rows: GoalCycleRow[] = [];
  for (const goal of model.nodes) {
    const cycle = currentCycle(goal.cycles);
    if (!isGoalKind(goal.kind) || !cycle) continue;
    const number = goal.cycles?.length ?? 1;
    const phase = cyclePhase(cycle, today);
    rows.push({ goal, cycle, number, phase, overdue: isCheckOverdue(cycle, today) });
  }
  return PHASE_ORDER.map((phase) => ({
    phase,
    rows: rows
      .filter((row) => row.phase === phase)
      .sort((a, b) => Number(b.overdue) - Number(a.overdue)),
  })).filter((group) => group.rows.length > 0);
}

/** The words on the card: "PDCA 2 · Do", "PDCA 1 · Check overdue", "PDCA 3 · Adapt". */
export function cycleBadge(cycles: readonly PdcaCycle[] | undefined, today: string): string | null {
  const cycle = currentCycle(cycles);
  if (!cycle) return null;
  const n = cycles?.length ?? 1;
  if (cycle.act) return `PDCA ${n} · ${DECISION_LABELS[cycle.act.decision]}`;
  if (isCheckOverdue(cycle, today)) return `PDCA ${n} · Check overdue`;
  return `PDCA ${n} · ${PHASE_LABELS[cyclePhase(cycle, today)]}`;
}
