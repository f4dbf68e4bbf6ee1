import { isGoalKind } from "../kinds.ts";
import type { LogicModel, Measurement } from "../schema.ts";

/** The goals an import can write to, and how a goal named in a file is found among them. */

export interface ImportGoal {
  id: string;
  title: string;
  unit?: string;
  cohortSize?: number;
  measurements: readonly Measurement[];
  /** The subgroups the goal tracks; a file names them, a measurement carries the id. */
  subgroups: readonly { id: string; name: string }[];
}

export function importGoalsOf(model: Pick<LogicModel, "nodes">): ImportGoal[] {
  return model.nodes
    .filter((n) => isGoalKind(n.kind))
    .map((n) => ({
      id: n.id,
      title: n.title,
      unit: n.smart?.unit,
      cohortSize: n.smart?.cohortSize,
      measurements: n.measurements ?? [],
      subgroups: (n.subgroups ?? []).map((g) => ({ id: g.id, name: g.name })),
    }));
}

/** How a goal name is compared: case, spacing and typographic quotes do not matter. */
export function goalNameKey(name: string): string {
  return name
    .normalize("NFC")
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

export type GoalMatch =
  | { kind: "found"; goal: ImportGoal; chosen?: true }
  | { kind: "unknown" }
  | { kind: "several"; count: number };

/** Finds goals by id first (an integration's export), then by title. */
export class GoalFinder {
  private readonly byId = new Map<string, ImportGoal>();
  private readonly byTitle = new Map<string, ImportGoal[]>();

  constructor(readonly goals: readonly ImportGoal[]) {
    for (const goal of goals) {
      this.byId.set(goal.id, goal);
      const key = goalNameKey(goal.title);
      this.byTitle.set(key, [...(this.byTitle.get(key) ?? []), goal]);
    }
  }

  get(id: string): ImportGoal | undefined {
    return this.byId.get(id);
  }

  /** `chosen` holds the person's answers, by `goalNameKey` of the name in the file. */
  find(name: string, chosen: Readonly<Record<string, string>>): GoalMatch {
    const key = goalNameKey(name);
    const picked = chosen[key];
    const pickedGoal = picked === undefined ? undefined : this.byId.get(picked);
    if (pickedGoal) return { kind: "found", goal: pickedGoal, chosen: true };
    const titled = this.byTitle.get(key) ?? [];
    if (titled.length === 1 && titled[0]) return { kind: "found", goal: titled[0] };
    if (titled.length > 1) return { kind: "several", count: titled.length };
    const byId = this.byId.get(name.trim());
    return byId ? { kind: "found", goal: byId } : { kind: "unknown" };
  }
}
