/**
 * The revision log in words: who, which field, what happened. One definition for the History
 * panel and the written plan (server/src/reports/), so both say a change the same way.
 */

/** Who made a change, as the revision log records it (null for automatic changes). */
export interface Actor {
  id: string | null;
  name: string | null;
  role: string | null;
}

/** The part of a revision-log entry its words are made of. */
export interface ActivityWordsEntry {
  subject: "node" | "link" | "model";
  subjectId: string | null;
  summary: {
    added?: boolean;
    removed?: boolean;
    fields?: string[];
    title?: string;
    action?: "restore" | "replace";
    version?: { id: string; label: string };
  };
}

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
  subgroups: "subgroups",
  owner: "owner",
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
  cycles: "PDCA cycle",
  mission: "mission",
  vision: "vision",
  values: "values",
};

export function fieldWord(field: string): string {
  return FIELD_WORDS[field] ?? field;
}

/** One revision-log entry in words. */
export function describeActivity(entry: ActivityWordsEntry): string {
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
