import { traceChain } from "../chain.ts";
import { formatDay } from "../dates.ts";
import { isGoalKind, KIND_LABELS, type NodeKind } from "../kinds.ts";
import { GOAL_STATUSES, goalStatus, modelProgressSummary } from "../progress.ts";
import type { Thread } from "../review/schema.ts";
import type { DatedValue, LogicModel, LogicNode } from "../schema.ts";
import { STATUS_LABEL } from "../status-words.ts";
import { subgroupMeasurements, wholeGroupMeasurements } from "../subgroups.ts";
import { goalSentences } from "./goal-words.ts";

/**
 * The written plan for a board: "this is where we started, this is where we are, this is where
 * we are headed" (seed 002), as a list of blocks that the DOCX and PDF writers on the server each
 * lay out. The words are decided here, once, so the two documents can never say different things.
 */

export interface ReportChart {
  title: string;
  unit: string;
  baseline?: DatedValue;
  target?: DatedValue;
  points: { date: string; value: number }[];
  status: keyof typeof STATUS_LABEL;
  /** Each measured subgroup's own line (issue 18), in the goal's order; absent when none. */
  subgroups?: { name: string; points: { date: string; value: number }[] }[];
}

export type ReportBlock =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "table"; columns: string[]; rows: string[][] }
  | { kind: "chart"; chart: ReportChart };

export interface PlanReport {
  title: string;
  blocks: ReportBlock[];
}

/** A revision-log entry as the plan tells it: when, who, what, and why when it was said. */
export interface PlanRevision {
  at: string;
  who: string;
  what: string;
  reason: string | null;
}

export interface PlanReportInput {
  model: LogicModel;
  checkIns: readonly string[];
  threads: readonly Thread[];
  revisions: readonly PlanRevision[];
  /** The newest named version: revisions are told since it. Null when none was saved. */
  since: { label: string; createdAt: string } | null;
  today: string;
}

/** Lanes of a chain, in the order the plan walks them toward a long-term goal. */
const CHAIN_LANES: NodeKind[] = ["input", "activity", "smallWin", "midJourney"];

const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : 1);

/** The measured subgroups' lines, oldest point first; the sentences say the rest. */
function subgroupLines(node: LogicNode): NonNullable<ReportChart["subgroups"]> {
  return (node.subgroups ?? [])
    .map((subgroup) => ({
      name: subgroup.name,
      points: subgroupMeasurements(node.measurements, subgroup.id)
        .sort(byDate)
        .map((m) => ({ date: m.date, value: m.value })),
    }))
    .filter((line) => line.points.length > 0);
}

function chartOf(node: LogicNode, today: string): ReportChart | null {
  const smart = node.smart;
  const points = wholeGroupMeasurements(node.measurements).sort(byDate);
  if (!smart || (points.length === 0 && !smart.target)) return null;
  const chart: ReportChart = {
    title: node.title,
    unit: smart.unit,
    points: points.map((m) => ({ date: m.date, value: m.value })),
    status: goalStatus(node, { today }).statusToday,
  };
  if (smart.baseline) chart.baseline = smart.baseline;
  if (smart.target) chart.target = smart.target;
  const subgroups = subgroupLines(node);
  if (subgroups.length > 0) chart.subgroups = subgroups;
  return chart;
}

/** A goal: its title as a heading, its sentences, and its chart. */
function goalBlocks(node: LogicNode, level: 2 | 3, today: string): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: "heading", level, text: `${KIND_LABELS[node.kind].one}: ${node.title}` },
    { kind: "paragraph", text: goalSentences(node, today).join(" ") },
  ];
  if (node.notes?.trim()) blocks.push({ kind: "paragraph", text: node.notes.trim() });
  const chart = chartOf(node, today);
  if (chart) blocks.push({ kind: "chart", chart });
  return blocks;
}

function summaryBlocks(input: PlanReportInput): ReportBlock[] {
  const { model, checkIns, today } = input;
  const summary = modelProgressSummary(model, { today, checkIns });
  // Counted as of today, as the table below shows them.
  const counted = GOAL_STATUSES.map(
    (status) => [status, summary.goals.filter((g) => g.statusToday === status).length] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${STATUS_LABEL[status].toLowerCase()}`);
  const blocks: ReportBlock[] = [{ kind: "heading", level: 2, text: "Where we are" }];
  blocks.push({
    kind: "paragraph",
    text: summary.goals.length
      ? `${summary.goals.length} goals: ${counted.join(", ")}.${summary.nextCheckIn ? ` Next check-in: ${formatDay(summary.nextCheckIn)}.` : ""}`
      : "The model has no goals yet.",
  });
  if (summary.goals.length > 0) {
    blocks.push({
      kind: "table",
      columns: ["Goal", "Lane", "Status", "Latest"],
      rows: summary.goals.map((g) => [
        g.title,
        KIND_LABELS[g.kind].short,
        STATUS_LABEL[g.statusToday],
        g.latest ? formatDay(g.latest.date) : "—",
      ]),
    });
  }
  return blocks;
}

/** The cards that lead to one long-term goal, lane by lane, goals in sentences. */
function chainBlocks(goal: LogicNode, model: LogicModel, today: string): ReportBlock[] {
  const chain = traceChain(model.edges, [goal.id]);
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const blocks: ReportBlock[] = goalBlocks(goal, 2, today);
  for (const lane of CHAIN_LANES) {
    const cards = model.nodes.filter((n) => n.kind === lane && chain.upstream.has(n.id));
    if (cards.length === 0) continue;
    if (isGoalKind(lane)) {
      for (const card of cards) blocks.push(...goalBlocks(card, 3, today));
    } else {
      blocks.push({ kind: "heading", level: 3, text: KIND_LABELS[lane].label });
      blocks.push({ kind: "list", items: cards.map(cardLine) });
    }
  }
  const reasons = model.edges
    .filter((e) => chain.links.has(e.id) && e.rationale?.trim())
    .map((e) => {
      const from = byId.get(e.source)?.title ?? e.source;
      const to = byId.get(e.target)?.title ?? e.target;
      return `“${from}” leads to “${to}”: ${e.rationale?.trim()}`;
    });
  if (reasons.length > 0) {
    blocks.push({ kind: "heading", level: 3, text: "Why these links" });
    blocks.push({ kind: "list", items: reasons });
  }
  return blocks;
}

function cardLine(node: LogicNode): string {
  const stage = node.stage ? ` (${node.stage})` : "";
  return `${node.title}${stage}`;
}

function concernBlocks(input: PlanReportInput): ReportBlock[] {
  const byId = new Map(input.model.nodes.map((n) => [n.id, n.title]));
  const open = input.threads.filter(
    (t) => t.status === "open" && (t.type === "concern" || t.type === "question"),
  );
  if (open.length === 0) return [];
  const items = open.map((t) => {
    const on = t.anchor.kind === "node" ? ` on “${byId.get(t.anchor.id) ?? t.anchor.id}”` : "";
    const first = t.messages.find((m) => !m.deleted)?.text.trim() ?? "";
    const kind = t.type === "concern" ? "Concern" : "Question";
    return `${kind}${on} (${t.author.name}, ${formatDay(t.createdAt.slice(0, 10))}): ${first}`;
  });
  return [
    { kind: "heading", level: 2, text: "Open concerns and questions" },
    { kind: "list", items },
  ];
}

function revisionBlocks(input: PlanReportInput): ReportBlock[] {
  const since = input.since;
  const heading = since
    ? `Revisions since “${since.label}” (${formatDay(since.createdAt.slice(0, 10))})`
    : "Revisions";
  const items = input.revisions.map((r) => {
    const why = r.reason ? ` Why: ${r.reason}` : "";
    return `${formatDay(r.at.slice(0, 10))}: ${r.who} ${r.what}.${why}`;
  });
  return [
    { kind: "heading", level: 2, text: heading },
    items.length ? { kind: "list", items } : { kind: "paragraph", text: "No revisions." },
  ];
}

/** The whole plan, in the order a board reads it. */
export function planReport(input: PlanReportInput): PlanReport {
  const { model, today } = input;
  const blocks: ReportBlock[] = [
    { kind: "heading", level: 1, text: model.title },
    { kind: "paragraph", text: `Written plan as of ${formatDay(today)}.` },
    { kind: "heading", level: 2, text: "Where we are headed" },
    { kind: "paragraph", text: model.masteryGoal.trim() || "No mastery goal is written yet." },
    ...summaryBlocks(input),
  ];
  const longTerm = model.nodes.filter((n) => n.kind === "longTerm");
  const told = new Set<string>();
  for (const goal of longTerm) {
    const chain = traceChain(model.edges, [goal.id]);
    for (const id of chain.upstream) told.add(id);
    told.add(goal.id);
    blocks.push(...chainBlocks(goal, model, today));
  }
  const others = model.nodes.filter((n) => isGoalKind(n.kind) && !told.has(n.id));
  if (others.length > 0) {
    blocks.push({ kind: "heading", level: 2, text: "Goals not yet linked to a long-term goal" });
    for (const goal of others) blocks.push(...goalBlocks(goal, 3, today));
  }
  if (input.checkIns.length > 0) {
    blocks.push({ kind: "heading", level: 2, text: "Check-in dates" });
    blocks.push({ kind: "list", items: [...input.checkIns].sort().map(formatDay) });
  }
  blocks.push(...concernBlocks(input), ...revisionBlocks(input));
  return { title: model.title, blocks };
}

/** Models a workspace's plan tells at most; the rest are named in one line, never silently left out. */
export const WORKSPACE_PLAN_MODELS_MAX = 60;

/**
 * The plans of every model at or below a workspace, one after another, each under its model's
 * title; `more` counts models past WORKSPACE_PLAN_MODELS_MAX, which the plan names.
 */
export function workspacePlanReport(
  workspaceName: string,
  plans: readonly { place: string; plan: PlanReport }[],
  today: string,
  more: number,
): PlanReport {
  const blocks: ReportBlock[] = [
    { kind: "heading", level: 1, text: `${workspaceName}: written plans` },
    {
      kind: "paragraph",
      text: `${plans.length} ${plans.length === 1 ? "model" : "models"} as of ${formatDay(today)}.${more > 0 ? ` ${more} more are not included here; open each from the workspace.` : ""}`,
    },
    { kind: "list", items: plans.map((p) => `${p.plan.title} (${p.place})`) },
  ];
  for (const { place, plan } of plans) {
    const [title, ...rest] = plan.blocks;
    blocks.push(title ?? { kind: "heading", level: 1, text: plan.title });
    blocks.push({ kind: "paragraph", text: place });
    blocks.push(...rest);
  }
  return { title: `${workspaceName}: written plans`, blocks };
}
