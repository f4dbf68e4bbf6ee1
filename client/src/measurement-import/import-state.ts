import {
  type ColumnMapping,
  checkImport,
  type DateOrder,
  guessMapping,
  type ImportCheck,
  type ImportGoal,
  importGoalsOf,
  type LogicModel,
} from "@logic-canvas/shared";
import { useMemo, useState } from "react";
import { type FileReading, readMeasurementFile } from "./read-file.ts";

/**
 * The mapping step's state: the file read, the person's choices (columns, date order, goals for
 * unknown names, rows left out) and the check of every row against the live model, redone on
 * each choice so the problems listed are always those Apply would meet.
 */

export type ReadFile = Extract<FileReading, { ok: true }>;

export interface ImportDraft {
  mapping: ColumnMapping;
  dateOrder?: DateOrder;
  goalFor: Record<string, string>;
  excluded: Set<number>;
}

export function useMeasurementImport(model: LogicModel) {
  const [file, setFile] = useState<ReadFile | null>(null);
  // The file as chosen, to read another of its sheets.
  const [chosenFile, setChosenFile] = useState<File | null>(null);
  const [refusal, setRefusal] = useState("");
  const [reading, setReading] = useState(false);
  const [draft, setDraft] = useState<ImportDraft>(() => emptyDraft({}));
  const goals: ImportGoal[] = useMemo(() => importGoalsOf(model), [model]);

  const check: ImportCheck | null = useMemo(
    () => (file ? checkImport(file.table, goals, draft) : null),
    [file, goals, draft],
  );

  async function choose(chosen: File | undefined, sheet?: string): Promise<void> {
    if (!chosen) return;
    setReading(true);
    setRefusal("");
    setChosenFile(chosen);
    try {
      const read = await readMeasurementFile(chosen, sheet);
      if (!read.ok) {
        setRefusal(read.message);
        setFile(null);
        return;
      }
      setFile(read);
      setDraft(emptyDraft(guessMapping(read.table.headers)));
    } finally {
      setReading(false);
    }
  }

  const update = (patch: Partial<ImportDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const toggleExcluded = (line: number, out: boolean) =>
    setDraft((d) => {
      const excluded = new Set(d.excluded);
      if (out) excluded.add(line);
      else excluded.delete(line);
      return { ...d, excluded };
    });
  const excludeProblems = () =>
    setDraft((d) => {
      const excluded = new Set(d.excluded);
      for (const row of check?.rows ?? []) if (row.status === "problem") excluded.add(row.line);
      return { ...d, excluded };
    });
  const chooseGoal = (key: string, goalId: string) =>
    setDraft((d) => ({ ...d, goalFor: { ...d.goalFor, [key]: goalId } }));
  /** Reads another sheet of the chosen workbook; the mapping starts again from its headers. */
  const chooseSheet = (sheet: string) => void choose(chosenFile ?? undefined, sheet);
  const reset = () => {
    setFile(null);
    setRefusal("");
  };

  return {
    file,
    refusal,
    reading,
    draft,
    goals,
    check,
    choose,
    chooseSheet,
    update,
    toggleExcluded,
    excludeProblems,
    chooseGoal,
    reset,
  };
}

export type MeasurementImport = ReturnType<typeof useMeasurementImport>;

function emptyDraft(mapping: ColumnMapping): ImportDraft {
  return { mapping, goalFor: {}, excluded: new Set() };
}
