import type { PersonRef } from "./action-plan.ts";
import { dayNumber } from "./dates.ts";
import { isGoalKind } from "./kinds.ts";
import { MEASUREMENT_HOLDS_DAYS } from "./progress.ts";
import { consensusFor, peopleWhoTookPart } from "./review/consensus.ts";
import { MASTERY_TARGET, type Review, type ThreadType } from "./review/schema.ts";
import type { LogicModel, LogicNode } from "./schema.ts";

/**
 * The check-in agenda (issue 17): what a team should talk through at its next check-in, built
 * from the model, its check-in dates and its review document. Pure, so the page, its print view
 * and the tests build the same agenda.
 */

export interface AgendaGoal {
  nodeId: string;
  title: string;
  kind: LogicNode["kind"];
  /** The latest measurement on or before the check-in, if any. */
  lastMeasured?: string;
}
export interface AgendaAction {
  nodeId: string;
  title: string;
  owner?: PersonRef;
  due?: string;
  blockedReason?: string;
}
export interface AgendaThread {
  threadId: string;
  type: Extract<ThreadType, "concern" | "question">;
  /** The card it is on, or the model. */
  on: string;
  text: string;
  author: string;
}
export interface AgendaProposal {
  target: string;
  title: string;
  votes: number;
  /** How many people have taken part: the quorum is measured against them. */
  people: number;
}
export interface CheckInAgenda {
  date: string;
  /** False when the model has no check-in date ahead: the agenda is then for today. */
  scheduled: boolean;
  goalsToMeasure: AgendaGoal[];
  overdueActions: AgendaAction[];
  blockedActions: AgendaAction[];
  openThreads: AgendaThread[];
  proposals: AgendaProposal[];
}

/** The first check-in date on or after today, or today itself when none is set ahead. */
export function nextCheckIn(
  checkIns: readonly string[],
  today: string,
): { date: string; scheduled: boolean } {
  const ahead = checkIns.filter((d) => d >= today).sort()[0];
  return ahead ? { date: ahead, scheduled: true } : { date: today, scheduled: false };
}

/**
 * A goal is due for a measurement at a check-in when it has an indicator or a target (it is
 * monitored) and no measurement on or before the check-in is still fresh there
 * (MEASUREMENT_HOLDS_DAYS, the span a measurement stands for on the dashboard).
 */
function goalsToMeasure(model: LogicModel, date: string): AgendaGoal[] {
  const out: AgendaGoal[] = [];
  for (const node of model.nodes) {
    if (!isGoalKind(node.kind) || !(node.smart?.indicator || node.smart?.target)) continue;
    const last = (node.measurements ?? [])
      .filter((m) => m.subgroup === undefined)
      .map((m) => m.date)
      .filter((d) => d <= date)
      .sort()
      .at(-1);
    if (last && dayNumber(date) - dayNumber(last) <= MEASUREMENT_HOLDS_DAYS) continue;
    out.push({
      nodeId: node.id,
      title: node.title,
      kind: node.kind,
      ...(last && { lastMeasured: last }),
    });
  }
  return out;
}

function actionsOf(model: LogicModel, date: string) {
  const overdue: AgendaAction[] = [];
  const blocked: AgendaAction[] = [];
  for (const node of model.nodes) {
    const plan = node.plan;
    if (node.kind !== "activity" || !plan) continue;
    const base: AgendaAction = { nodeId: node.id, title: node.title };
    if (plan.owner) base.owner = plan.owner;
    if (plan.due) base.due = plan.due;
    if (plan.status === "blocked")
      blocked.push({ ...base, blockedReason: plan.blockedReason ?? "" });
    // Overdue by the check-in: the meeting is where a late action is talked through.
    else if (plan.status !== "done" && plan.due && plan.due < date) overdue.push(base);
  }
  overdue.sort(
    (a, b) => (a.due ?? "").localeCompare(b.due ?? "") || a.title.localeCompare(b.title),
  );
  return { overdue, blocked };
}

function openThreads(model: LogicModel, review: Pick<Review, "threads">): AgendaThread[] {
  const titles = new Map(model.nodes.map((n) => [n.id, n.title]));
  const out: AgendaThread[] = [];
  for (const thread of review.threads) {
    if (thread.status !== "open" || (thread.type !== "concern" && thread.type !== "question"))
      continue;
    const first = thread.messages.find((m) => !m.deleted);
    const on =
      thread.anchor.kind === "node"
        ? (titles.get(thread.anchor.id) ?? "a removed card")
        : thread.anchor.kind === "edge"
          ? "a link"
          : "the whole model";
    out.push({
      threadId: thread.id,
      type: thread.type,
      on,
      text: first?.text ?? "",
      author: thread.author.name,
    });
  }
  return out.sort((a, b) => (a.type !== b.type ? (a.type === "concern" ? -1 : 1) : 0));
}

/** Votes started (at least one) that have not yet reached the quorum: they await more votes. */
function proposals(model: LogicModel, review: Pick<Review, "threads" | "votes">): AgendaProposal[] {
  const people = peopleWhoTookPart(review).length;
  const targets: [string, string][] = [
    [MASTERY_TARGET, "The mastery goal"],
    ...model.nodes
      .filter((n) => isGoalKind(n.kind))
      .map((n) => [n.id, n.title] as [string, string]),
  ];
  const out: AgendaProposal[] = [];
  for (const [target, title] of targets) {
    const consensus = consensusFor(target, review.votes, [], people);
    if (consensus.votes > 0 && !consensus.quorum.met)
      out.push({ target, title, votes: consensus.votes, people: consensus.quorum.people });
  }
  return out;
}

export function buildCheckInAgenda(input: {
  model: LogicModel;
  checkIns: readonly string[];
  review: Pick<Review, "threads" | "votes">;
  today: string;
}): CheckInAgenda {
  const { date, scheduled } = nextCheckIn(input.checkIns, input.today);
  const { overdue, blocked } = actionsOf(input.model, date);
  return {
    date,
    scheduled,
    goalsToMeasure: goalsToMeasure(input.model, date),
    overdueActions: overdue,
    blockedActions: blocked,
    openThreads: openThreads(input.model, input.review),
    proposals: proposals(input.model, input.review),
  };
}

/** Whether there is nothing to talk through. */
export function agendaIsEmpty(agenda: CheckInAgenda): boolean {
  return (
    agenda.goalsToMeasure.length +
      agenda.overdueActions.length +
      agenda.blockedActions.length +
      agenda.openThreads.length +
      agenda.proposals.length ===
    0
  );
}
