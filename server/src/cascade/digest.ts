import {
  type Alignment,
  dayNumber,
  type GoalDigestFacts,
  type GoalStatusName,
  goalDigestFacts,
  goalStatus,
  type LogicNode,
  readCheckIns,
  readModel,
} from "@logic-canvas/shared";
import type * as Y from "yjs";

/**
 * What the cascade reads of one model: its goals with their status, latest measurement and
 * alignments, and its next check-in. Made in two steps: the goal facts of the document (shared
 * `cascade-digest.ts`, what is stored between restarts), then the statuses they have today. A
 * document read now and facts stored on an earlier day give the same digest, by construction.
 */

export interface GoalDigest {
  /** The card as the arithmetic reads it: the latest measurement is the only one kept. */
  node: Pick<LogicNode, "id" | "kind" | "title" | "smart" | "measurements">;
  kind: LogicNode["kind"];
  status: GoalStatusName;
  statusToday: GoalStatusName;
  stale: boolean;
  latest: { date: string; value: number } | null;
  alignsTo: Alignment[];
  /** The card's lane order in the model (lane, then top to bottom). */
  order: number;
}

export interface ModelDigest {
  modelId: string;
  title: string;
  goals: GoalDigest[];
  byId: Map<string, GoalDigest>;
  nextCheckIn: string | null;
  today: string;
}

/** The goal facts of a graph document as read on `asOf`. */
export function factsOf(doc: Y.Doc, asOf: string): GoalDigestFacts {
  return goalDigestFacts(readModel(doc), readCheckIns(doc), asOf);
}

/** The digest of a model from its goal facts, judged on `today` (not before the facts' day). */
export function digestFrom(modelId: string, facts: GoalDigestFacts, today: string): ModelDigest {
  // Each goal judged as modelProgressSummary judges it (goalStatus), without the summary's
  // counts and orders, which the cascade does not read: 10,000 goals at every start.
  const goals: GoalDigest[] = facts.goals.map((g) => {
    const node = { id: g.id, kind: g.kind, title: g.title, smart: g.smart };
    const judged = goalStatus({ ...node, measurements: g.measurements }, { today });
    const latest = judged.latest ? { date: judged.latest.date, value: judged.latest.value } : null;
    return {
      node: { ...node, measurements: latest ? [latest] : [] },
      kind: g.kind,
      status: judged.status,
      statusToday: judged.statusToday,
      stale: judged.stale,
      latest,
      alignsTo: g.alignsTo,
      order: g.order,
    };
  });
  // The next check-in, as modelProgressSummary finds it.
  const now = dayNumber(today);
  const nextCheckIn = [...facts.checkIns].sort().find((d) => dayNumber(d) > now) ?? null;
  return {
    modelId,
    title: facts.title,
    goals,
    byId: new Map(goals.map((g) => [g.node.id, g])),
    nextCheckIn,
    today,
  };
}

export function digestOf(modelId: string, doc: Y.Doc, today: string): ModelDigest {
  return digestFrom(modelId, factsOf(doc, today), today);
}
