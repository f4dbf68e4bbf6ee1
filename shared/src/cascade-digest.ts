import { z } from "zod";
import { alignsToSchema } from "./alignment.ts";
import { dayNumber } from "./dates.ts";
import { GOAL_KINDS, isGoalKind } from "./kinds.ts";
import { MAX_CHECK_INS, MAX_MEASUREMENTS, MAX_NODES, TITLE_MAX } from "./limits.ts";
import { idSchema, isoDateSchema } from "./scalars.ts";
import { type LogicNode, measurementSchema, smartSchema, titleSchema } from "./schema.ts";

/**
 * What the server keeps of one model's goals between restarts (the goal index's digest, stored
 * beside the document): the facts the cascade's answers read, never a status. A status depends
 * on the day it is judged, so it is judged again from these facts on the day they are read.
 *
 * The facts are reduced for the day they were written (`asOf`), so they stay small however many
 * measurements a goal has, and answer exactly as the whole card would on `asOf` or any later day:
 * - measurements: the whole group's latest up to `asOf` (the one a status reads), the latest of
 *   any group up to `asOf` (the one staleness reads), and every one dated after `asOf` (they come
 *   into play as the days pass), in the card's order, so ties on a date resolve as on the card;
 * - check-ins: those after `asOf` (only the next one is read).
 * Read on a day before `asOf` (a clock set back) they answer nothing: the document is read again.
 */

export const GOAL_DIGEST_VERSION = 1;

const digestGoalSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(GOAL_KINDS),
  title: titleSchema,
  smart: smartSchema.optional(),
  measurements: z.array(measurementSchema).max(MAX_MEASUREMENTS),
  alignsTo: alignsToSchema,
  /** The card's place among all the model's cards (lane order), as the index orders goals. */
  order: z.number().int().nonnegative(),
});

export const goalDigestFactsSchema = z.strictObject({
  v: z.literal(GOAL_DIGEST_VERSION),
  asOf: isoDateSchema,
  title: z.string().max(TITLE_MAX),
  checkIns: z.array(isoDateSchema).max(MAX_CHECK_INS),
  goals: z.array(digestGoalSchema).max(MAX_NODES),
});

export type GoalDigestFacts = z.infer<typeof goalDigestFactsSchema>;
export type GoalFacts = GoalDigestFacts["goals"][number];

/** The measurements of a card that decide its status and staleness on `asOf` and after. */
export function measurementsAsOf(
  measurements: readonly NonNullable<LogicNode["measurements"]>[number][],
  asOf: string,
): GoalFacts["measurements"] {
  const cutoff = dayNumber(asOf);
  // Later entries win ties, as the status reads them (progress.ts).
  let whole = -1;
  let any = -1;
  const day = (i: number) => dayNumber((measurements[i] as { date: string }).date);
  measurements.forEach((m, i) => {
    const d = dayNumber(m.date);
    if (d > cutoff) return;
    if (m.subgroup === undefined && (whole < 0 || d >= day(whole))) whole = i;
    if (any < 0 || d > day(any)) any = i;
  });
  const out: GoalFacts["measurements"] = [];
  measurements.forEach((m, i) => {
    if (i !== whole && i !== any && dayNumber(m.date) <= cutoff) return;
    out.push({
      date: m.date,
      value: m.value,
      ...(m.subgroup === undefined ? {} : { subgroup: m.subgroup }),
    });
  });
  return out;
}

/** The facts of a model's goals as read on `asOf` (see above). */
export function goalDigestFacts(
  model: { title: string; nodes: readonly LogicNode[] },
  checkIns: readonly string[],
  asOf: string,
): GoalDigestFacts {
  const goals: GoalFacts[] = [];
  model.nodes.forEach((node, order) => {
    if (!isGoalKind(node.kind)) return;
    goals.push({
      id: node.id,
      kind: node.kind,
      title: node.title,
      ...(node.smart === undefined ? {} : { smart: node.smart }),
      measurements: measurementsAsOf(node.measurements ?? [], asOf),
      alignsTo: node.alignsTo ?? [],
      order,
    });
  });
  const now = dayNumber(asOf);
  return {
    v: GOAL_DIGEST_VERSION,
    asOf,
    title: model.title,
    checkIns: checkIns.filter((d) => dayNumber(d) > now),
    goals,
  };
}

/**
 * Stored facts as text, checked: the facts when they are whole, of this layout and not written
 * on a later day than `today`; null otherwise (the caller reads the document instead). The value
 * returned is the text's own, not zod's output, so nothing is trimmed or reordered on the way.
 */
export function parseGoalDigestFacts(text: string, today: string): GoalDigestFacts | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!goalDigestFactsSchema.safeParse(raw).success) return null;
  const facts = raw as GoalDigestFacts;
  return dayNumber(facts.asOf) <= dayNumber(today) ? facts : null;
}
