import type { ActivityEntry, Actor } from "./history-api.ts";

/** The revision log in words: who, which field, what happened. */

export function actorName(actor: Actor): string {
  if (!actor.name && !actor.role) return "Automatic";
  return `${actor.name ?? "Someone"}${actor.role ? ` (${actor.role})` : ""}`;
}

const FIELD_WORDS: Record<string, string> = {
  title: "title",
  notes: "notes",
  kind: "lane",
  stage: "innovation stage",
  plan: "action plan",
  position: "position",
  measurements: "measurements",
  "smart.indicator": "indicator",
  "smart.unit": "unit",
  "smart.cohortSize": "cohort size",
  "smart.baseline": "baseline",
  "smart.target": "target",
  source: "from",
  target: "to",
  rationale: "rationale",
  masteryGoal: "mastery goal",
  checkIns: "check-in dates",
};

export function fieldWord(field: string): string {
  return FIELD_WORDS[field] ?? field;
}

/** One revision-log entry in words. */
export function describeActivity(entry: ActivityEntry): string {
  const s = entry.summary;
  if (s.action === "restore") return `restored the version “${s.version?.label ?? "?"}”`;
  if (s.action === "replace") return "replaced the whole model (import)";
  const what =
    entry.subject === "node"
      ? `card “${s.title ?? entry.subjectId}”`
      : entry.subject === "link"
        ? "a link"
        : "the model";
  if (s.added) return `added ${what}`;
  if (s.removed) return `removed ${what}`;
  const fields = (s.fields ?? []).map(fieldWord);
  return `changed ${fields.length ? fields.join(", ") : "something"} of ${what}`;
}
