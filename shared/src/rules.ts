import { todayIso } from "./dates.ts";
import { columnOf, isGoalKind, type NodeKind } from "./kinds.ts";
import { checkLink, laneName, quoteTitle } from "./link-rules.ts";
import { isMidJourneyStale, STALE_AFTER_DAYS } from "./progress.ts";
import type { LogicModel, LogicNode } from "./schema.ts";

/**
 * The graph rules of a logic model. Errors make a model wrong (a link that cannot mean anything);
 * warnings point at what a team has not thought through yet. Every check is one pass over
 * indexes built once, so a 5,000-card model is checked in a few milliseconds.
 */

export const ERROR_CODES = [
  "edge-missing-node",
  "edge-self",
  "edge-backward",
  "edge-duplicate",
  "id-duplicate",
] as const;
export const WARNING_CODES = [
  "mastery-goal-missing",
  "node-orphan",
  "edge-skips-stage",
  "activity-without-outcome",
  "input-unused",
  "longterm-unreachable",
  "goal-without-indicator",
  "goal-not-smart",
  "target-not-beyond-baseline",
  "target-before-baseline",
  "midjourney-stale",
] as const;
type ErrorCode = (typeof ERROR_CODES)[number];
type WarningCode = (typeof WARNING_CODES)[number];

export interface ModelIssue {
  code: ErrorCode | WarningCode;
  message: string;
  nodeIds?: string[];
  edgeIds?: string[];
}

export interface ValidationResult {
  errors: ModelIssue[];
  warnings: ModelIssue[];
}

function validateSmart(node: LogicNode, warnings: ModelIssue[]): void {
  const smart = node.smart;
  const nodeIds = [node.id];
  const name = quoteTitle(node);
  if (!smart || smart.indicator.trim() === "") {
    warnings.push({
      code: "goal-without-indicator",
      message: `${name} has no indicator yet: a goal is not a goal until you can say what you will track to measure progress.`,
      nodeIds,
    });
    return;
  }
  const { baseline, target } = smart;
  const missing: string[] = [];
  if (!baseline) missing.push("a baseline (current reality)");
  else if (!baseline.date) missing.push("the baseline's date");
  if (!target) missing.push("a target");
  else if (!target.date) missing.push("the target's date");
  if (missing.length) {
    warnings.push({
      code: "goal-not-smart",
      message: `${name} is not SMART yet: it needs ${missing.join(" and ")}.`,
      nodeIds,
    });
  }
  if (baseline && target && baseline.value === target.value) {
    warnings.push({
      code: "target-not-beyond-baseline",
      message: `${name} aims for ${target.value}, the same as its baseline: the target should move beyond where you are now.`,
      nodeIds,
    });
  }
  if (baseline?.date && target?.date && target.date <= baseline.date) {
    warnings.push({
      code: "target-before-baseline",
      message: `${name} has its target date (${target.date}) on or before its baseline date (${baseline.date}).`,
      nodeIds,
    });
  }
}

export function validateModel(
  model: LogicModel,
  options: { today?: string } = {},
): ValidationResult {
  const today = options.today ?? todayIso();
  const errors: ModelIssue[] = [];
  const warnings: ModelIssue[] = [];
  // The steps run in this order so the issues read as before: cards first, then links, then
  // the advice on each card.
  const byId = indexCards(model, errors);
  const links = walkLinks(model, byId, errors, warnings);
  if (model.masteryGoal.trim() === "") {
    warnings.push({
      code: "mastery-goal-missing",
      message: "The model has no mastery goal yet: state what students will become proficient at.",
    });
  }
  const reached = reachableFromInputs(byId, links.outgoing);
  for (const node of byId.values()) adviseOnCard(node, links, reached, today, warnings);
  return { errors, warnings };
}

/** Cards by id; a repeated id is an error (the first card keeps the id, the second is named). */
function indexCards(model: LogicModel, errors: ModelIssue[]): Map<string, LogicNode> {
  const byId = new Map<string, LogicNode>();
  for (const node of model.nodes) {
    const first = byId.get(node.id);
    if (first) {
      errors.push({
        code: "id-duplicate",
        message: `Two cards share the id ${node.id} (${quoteTitle(first)} and ${quoteTitle(node)}).`,
        nodeIds: [node.id],
      });
    } else byId.set(node.id, node);
  }
  return byId;
}

/** What the per-card advice needs to know about the links, gathered in one pass. */
interface LinkFacts {
  /** How many links touch each card, valid or not: a card with a broken link is not an orphan. */
  linkCount: Map<string, number>;
  /** The targets of each card's valid links, for the reachability and "leads to" checks. */
  outgoing: Map<string, LogicNode[]>;
}

/**
 * Checks every link (unique id, allowed direction, no duplicate pair) and warns when one skips a
 * lane. Only valid links count as paths, so a broken link never makes a goal look reachable.
 */
function walkLinks(
  model: LogicModel,
  byId: Map<string, LogicNode>,
  errors: ModelIssue[],
  warnings: ModelIssue[],
): LinkFacts {
  const edgeIds = new Set<string>();
  const pairs = new Set<string>();
  const linkCount = new Map<string, number>();
  const outgoing = new Map<string, LogicNode[]>();
  const bump = (id: string) => linkCount.set(id, (linkCount.get(id) ?? 0) + 1);
  for (const edge of model.edges) {
    if (edgeIds.has(edge.id)) {
      errors.push({
        code: "id-duplicate",
        message: `Two links share the id ${edge.id}.`,
        edgeIds: [edge.id],
      });
      continue;
    }
    edgeIds.add(edge.id);
    bump(edge.source);
    bump(edge.target);
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    const check = checkLink(source, target, edge);
    const ends = [edge.source, edge.target].filter((id) => byId.has(id));
    if (!check.ok) {
      errors.push({ code: check.code, message: check.message, nodeIds: ends, edgeIds: [edge.id] });
      continue;
    }
    const pair = `${edge.source}\u0000${edge.target}`;
    if (pairs.has(pair)) {
      errors.push({
        code: "edge-duplicate",
        message: `${quoteTitle(source)} links to ${quoteTitle(target)} twice.`,
        nodeIds: ends,
        edgeIds: [edge.id],
      });
      continue;
    }
    pairs.add(pair);
    if (!source || !target) continue;
    const list = outgoing.get(source.id);
    if (list) list.push(target);
    else outgoing.set(source.id, [target]);
    if (columnOf(target.kind) - columnOf(source.kind) > 1) {
      warnings.push({
        code: "edge-skips-stage",
        message: `${quoteTitle(source)} links straight to ${quoteTitle(target)}, skipping the ${laneName(NODE_AFTER[source.kind])}: what happens in between?`,
        nodeIds: ends,
        edgeIds: [edge.id],
      });
    }
  }
  return { linkCount, outgoing };
}

/**
 * The advice about one card: its place in the chain (orphan, leads nowhere, unused,
 * unreachable), then its SMART fields and whether its monitoring stalled. An orphan gets only
 * the orphan warning about links, since the other three would say the same thing again.
 */
function adviseOnCard(
  node: LogicNode,
  { linkCount, outgoing }: LinkFacts,
  reached: Set<string>,
  today: string,
  warnings: ModelIssue[],
): void {
  const nodeIds = [node.id];
  const name = quoteTitle(node);
  const orphan = !linkCount.get(node.id);
  if (orphan) {
    warnings.push({
      code: "node-orphan",
      message: `${name} is not linked to anything.`,
      nodeIds,
    });
  }
  const out = outgoing.get(node.id) ?? [];
  if (!orphan && node.kind === "activity" && !out.some((t) => isGoalKind(t.kind))) {
    warnings.push({
      code: "activity-without-outcome",
      message: `${name} leads to no goal: what win should it produce?`,
      nodeIds,
    });
  }
  if (!orphan && node.kind === "input" && out.length === 0) {
    warnings.push({
      code: "input-unused",
      message: `${name} is not used by any activity.`,
      nodeIds,
    });
  }
  if (!orphan && node.kind === "longTerm" && !reached.has(node.id)) {
    warnings.push({
      code: "longterm-unreachable",
      message: `No chain of links leads from an input to ${name}: which resources and actions get you there?`,
      nodeIds,
    });
  }
  if (isGoalKind(node.kind)) validateSmart(node, warnings);
  if (isMidJourneyStale(node, today)) {
    warnings.push({
      code: "midjourney-stale",
      message: `${name} has had no measurement for more than ${STALE_AFTER_DAYS} days: mid-journey is where monitoring usually stalls.`,
      nodeIds,
    });
  }
}

const NODE_AFTER: Record<NodeKind, NodeKind> = {
  input: "activity",
  activity: "smallWin",
  smallWin: "midJourney",
  midJourney: "longTerm",
  longTerm: "longTerm",
};

function reachableFromInputs(
  byId: Map<string, LogicNode>,
  outgoing: Map<string, LogicNode[]>,
): Set<string> {
  const seen = new Set<string>();
  const stack: string[] = [];
  for (const node of byId.values()) {
    if (node.kind === "input") {
      seen.add(node.id);
      stack.push(node.id);
    }
  }
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    for (const next of outgoing.get(id) ?? []) {
      if (seen.has(next.id)) continue;
      seen.add(next.id);
      stack.push(next.id);
    }
  }
  return seen;
}
