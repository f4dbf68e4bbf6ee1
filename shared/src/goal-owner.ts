import { formatDay } from "./dates.ts";
import { isGoalKind } from "./kinds.ts";
import { type GoalStatusName, goalStatus } from "./progress.ts";
import type { LogicNode } from "./schema.ts";
import { formatValue, STATUS_LABEL } from "./status-words.ts";

/**
 * "A goal they own going off track" (issue 18): which goals a change turned off track, judged
 * the way the canvas and dashboard judge them (`goalStatus`, at the latest measurement), and the
 * words the owner reads. Pure, so the server only has to say which cards a change touched.
 */

/** How much of a goal's title an item repeats, so the numbers still fit in the excerpt. */
const TITLE_WORDS_MAX = 80;

/** A goal's status as the off-track check compares it; null for a card that is not a goal. */
export function offTrackStatusOf(node: LogicNode, today: string): GoalStatusName | null {
  return isGoalKind(node.kind) ? goalStatus(node, { today }).status : null;
}

export interface WentOffTrack {
  node: LogicNode;
  /** The owner's words: "“Reading” is off track: latest 40% against a plan of 55% on 1 Oct 2026". */
  words: string;
}

/**
 * The goals among `after` (the cards a change touched, as they now read) that were not off track
 * before it (`before`, by card id; a card missing there is new) and are now. A goal already off
 * track stays silent however many more measurements say so; one that recovered and falls again
 * counts anew.
 */
export function wentOffTrack(
  before: ReadonlyMap<string, GoalStatusName | null>,
  after: readonly LogicNode[],
  today: string,
): WentOffTrack[] {
  const went: WentOffTrack[] = [];
  for (const node of after) {
    if (!isGoalKind(node.kind) || before.get(node.id) === "off-track") continue;
    const status = goalStatus(node, { today });
    if (status.status !== "off-track") continue;
    went.push({ node, words: offTrackWords(node, status.latest, status.expectedAtLatest) });
  }
  return went;
}

/**
 * A goal that has fallen off track with time alone: its latest measurement was on track when it
 * was taken, but the plan's line has since moved past it (`goalStatus`'s `statusToday`). No edit
 * says so, so a daily sweep asks; null for a goal that has not fallen this way. The words name
 * the old measurement and today's plan: "“Reading” has fallen off track with time: latest 60% on
 * 1 Sep 2026, while the plan is 75% today".
 */
export function fellBehindWithTime(
  node: LogicNode,
  today: string,
): (WentOffTrack & { latestDate: string }) | null {
  if (!isGoalKind(node.kind)) return null;
  const status = goalStatus(node, { today });
  if (status.statusToday !== "off-track" || status.status === "off-track" || !status.latest)
    return null;
  const unit = node.smart?.unit;
  const plan =
    status.expectedNow === undefined
      ? ""
      : `, while the plan is ${formatValue(status.expectedNow, unit)} today`;
  const words = `${quotedTitle(node)} has fallen ${STATUS_LABEL["off-track"].toLowerCase()} with time: latest ${formatValue(status.latest.value, unit)} on ${formatDay(status.latest.date)}${plan}`;
  return { node, words, latestDate: status.latest.date };
}

function quotedTitle(node: LogicNode): string {
  const title =
    node.title.length > TITLE_WORDS_MAX
      ? `${node.title.slice(0, TITLE_WORDS_MAX - 1)}…`
      : node.title;
  return `“${title}”`;
}

function offTrackWords(
  node: LogicNode,
  latest: { value: number; date: string } | undefined,
  expected: number | undefined,
): string {
  const head = `${quotedTitle(node)} is ${STATUS_LABEL["off-track"].toLowerCase()}`;
  if (!latest) return head;
  const unit = node.smart?.unit;
  const plan = expected === undefined ? "" : ` against a plan of ${formatValue(expected, unit)}`;
  return `${head}: latest ${formatValue(latest.value, unit)}${plan} on ${formatDay(latest.date)}`;
}
