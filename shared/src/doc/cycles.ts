import * as Y from "yjs";
import {
  type CycleAct,
  type CycleCheck,
  type CycleDo,
  type CyclePlan,
  cycleSchema,
  type PdcaCycle,
} from "../cycle-schema.ts";
import { DomainError, parseOrRefuse } from "../errors.ts";
import { newId } from "../ids.ts";
import { isGoalKind } from "../kinds.ts";
import { MAX_CYCLES } from "../limits.ts";
import {
  checkProblem,
  decisionProblem,
  nextCycleDraft,
  planProblem,
  startCycleProblem,
} from "../pdca.ts";
import type { LogicNode } from "../schema.ts";
import { cyclesOf, ensureGoalStructure, type NodeMap, nodesMap } from "./layout.ts";

/**
 * A goal's PDCA cycles in the graph document: the node's `cycles` Y.Array is a log whose entries
 * each carry a cycle's id and the phases saved at once. Reading folds the log in order: a cycle
 * appears where its first entry is, and each phase takes its last saved value. Appending never
 * conflicts, so two people saving different phases of one cycle at once both keep theirs; one
 * phase saved twice at once keeps the later entry in the merged order, the same on every peer.
 */

const PHASES = ["plan", "do", "check", "act"] as const;

/** Folds log entries into cycles, in the order they were started; bad entries are skipped. */
export function foldCycles(entries: readonly unknown[]): PdcaCycle[] {
  const byId = new Map<string, PdcaCycle>();
  for (const entry of entries) {
    const parsed = cycleSchema.safeParse(entry);
    if (!parsed.success) continue;
    const { id } = parsed.data;
    let cycle = byId.get(id);
    if (!cycle) {
      if (byId.size >= MAX_CYCLES) continue;
      cycle = { id };
      byId.set(id, cycle);
    }
    for (const phase of PHASES) {
      const value = parsed.data[phase];
      if (value !== undefined) (cycle as Record<string, unknown>)[phase] = value;
    }
  }
  return [...byId.values()];
}

export function readCycles(node: NodeMap): PdcaCycle[] | undefined {
  const list = cyclesOf(node);
  if (!list || list.length === 0) return undefined;
  const cycles = foldCycles(list.toArray());
  return cycles.length ? cycles : undefined;
}

/** Writes whole cycles into an empty log (new cards, imports): one entry per cycle. */
export function writeCycles(node: NodeMap, cycles: readonly PdcaCycle[] | undefined): void {
  const list = cyclesOf(node);
  if (list && cycles?.length) list.push(cycles.map((c) => structuredClone(c)));
}

function goalOrThrow(doc: Y.Doc, goalId: string): NodeMap {
  const node = nodesMap(doc).get(goalId);
  if (!(node instanceof Y.Map))
    throw new DomainError("node-not-found", `There is no card with id ${goalId}.`);
  if (!isGoalKind(node.get("kind") as LogicNode["kind"]))
    throw new DomainError("not-a-goal", "Only goals run PDCA cycles.");
  return node;
}

function append(doc: Y.Doc, node: NodeMap, entry: PdcaCycle, origin: unknown): void {
  const valid = parseOrRefuse(cycleSchema, entry, "cycle");
  doc.transact(() => {
    ensureGoalStructure(node);
    cyclesOf(node)?.push([valid]);
  }, origin);
}

function cycleOrThrow(node: NodeMap, cycleId: string): PdcaCycle {
  const cycle = readCycles(node)?.find((c) => c.id === cycleId);
  if (!cycle) throw new DomainError("cycle-not-found", "That cycle no longer exists.");
  return cycle;
}

function refuseIf(problem: string | null): void {
  if (problem) throw new DomainError("cycle-invalid", problem);
}

/**
 * Starts a goal's next cycle, today. Refused while the current one has no Act decision; after
 * “adapt” its Plan and Do start from the previous cycle's. Returns the new cycle's id.
 */
export function startCycle(
  doc: Y.Doc,
  goalId: string,
  today: string,
  origin: unknown,
  id = newId(),
): string {
  const node = goalOrThrow(doc, goalId);
  const cycles = readCycles(node);
  refuseIf(startCycleProblem(cycles));
  if ((cycles?.length ?? 0) >= MAX_CYCLES)
    throw new DomainError("cycle-invalid", `A goal runs at most ${MAX_CYCLES} cycles.`);
  const draft = nextCycleDraft(cycles);
  const entry: PdcaCycle = { id, plan: { what: draft.what, started: today } };
  if (draft.activities.length) entry.do = { activities: draft.activities };
  append(doc, node, entry, origin);
  return id;
}

export function savePlan(
  doc: Y.Doc,
  goalId: string,
  cycleId: string,
  plan: { what: string; until?: string },
  origin: unknown,
): void {
  const node = goalOrThrow(doc, goalId);
  const cycle = cycleOrThrow(node, cycleId);
  refuseIf(planProblem(cycle, plan));
  const next: CyclePlan = { what: plan.what };
  if (plan.until) next.until = plan.until;
  if (cycle.plan?.started) next.started = cycle.plan.started;
  append(doc, node, { id: cycleId, plan: next }, origin);
}

export function saveDo(
  doc: Y.Doc,
  goalId: string,
  cycleId: string,
  step: CycleDo,
  origin: unknown,
): void {
  const node = goalOrThrow(doc, goalId);
  cycleOrThrow(node, cycleId);
  append(doc, node, { id: cycleId, do: { activities: [...new Set(step.activities)] } }, origin);
}

export function saveCheck(
  doc: Y.Doc,
  goalId: string,
  cycleId: string,
  check: CycleCheck,
  origin: unknown,
): void {
  const node = goalOrThrow(doc, goalId);
  const cycle = cycleOrThrow(node, cycleId);
  refuseIf(checkProblem(cycle, check.date));
  const next: CycleCheck = {};
  if (check.date) next.date = check.date;
  if (check.findings?.trim()) next.findings = check.findings;
  append(doc, node, { id: cycleId, check: next }, origin);
}

/** Records the Act decision (adopt, adapt, abandon) with its reason, dated today. */
export function decideCycle(
  doc: Y.Doc,
  goalId: string,
  cycleId: string,
  act: Omit<CycleAct, "decided">,
  today: string,
  origin: unknown,
): void {
  const node = goalOrThrow(doc, goalId);
  const cycle = cycleOrThrow(node, cycleId);
  refuseIf(decisionProblem(cycle, act.reason, today));
  const next: CycleAct = { decision: act.decision, reason: act.reason.trim(), decided: today };
  append(doc, node, { id: cycleId, act: next }, origin);
}
