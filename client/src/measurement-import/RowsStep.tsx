import { type CheckedRow, cellText, IMPORT_FIELDS, type ImportGoal } from "@logic-canvas/shared";
import { useId } from "react";
import { formatDay } from "../ui/dates.ts";
import type { MeasurementImport } from "./import-state.ts";

/** The first rows as the import reads them, the goals to choose, and every row's problems. */

const PREVIEW_ROWS = 8;
const LISTED_PROBLEMS = 100;

const STATUS_WORDS: Record<CheckedRow["status"], string> = {
  ready: "Ready",
  problem: "Problem",
  excluded: "Left out",
  duplicate: "Already recorded",
  blank: "No measurement",
};

export function Preview({ state }: { state: MeasurementImport }) {
  const { file, check, draft } = state;
  if (!file || !check || check.rows.length === 0) return null;
  const fields = IMPORT_FIELDS.filter((f) => draft.mapping[f] !== undefined);
  const byLine = new Map(check.rows.map((r) => [r.line, r]));
  return (
    <section aria-labelledby="mi-preview">
      <h3 id="mi-preview">First rows</h3>
      <div className="mi-table-wrap">
        <table className="mi-table" data-testid="mi-preview">
          <thead>
            <tr>
              <th scope="col">Row</th>
              {fields.map((f) => (
                <th key={f} scope="col">
                  {f[0]?.toUpperCase()}
                  {f.slice(1)}
                </th>
              ))}
              <th scope="col">Reads as</th>
            </tr>
          </thead>
          <tbody>
            {file.table.rows.slice(0, PREVIEW_ROWS).map(({ line, cells }) => {
              const row = byLine.get(line);
              return (
                <tr key={line} data-status={row?.status}>
                  <td>{line}</td>
                  {fields.map((f) => (
                    <td key={f}>{cellText(cells[draft.mapping[f] as number])}</td>
                  ))}
                  <td>{row ? readsAs(row) : ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function readsAs(row: CheckedRow): string {
  if (row.status !== "ready" || !row.measurement) return STATUS_WORDS[row.status];
  return `${formatDay(row.measurement.date)}: ${row.measurement.value}`;
}

/** One chooser per goal name the model does not know (or knows twice). */
export function GoalChoices({ state }: { state: MeasurementImport }) {
  const { check, goals, draft, chooseGoal } = state;
  if (!check || check.unmatchedGoals.size === 0) return null;
  return (
    <section aria-labelledby="mi-goals" data-testid="mi-goal-choices">
      <h3 id="mi-goals">Goals to choose</h3>
      {[...check.unmatchedGoals].map(([key, name]) => (
        <GoalChoice
          key={key}
          name={name}
          goals={goals}
          value={draft.goalFor[key] ?? ""}
          onChoose={(id) => chooseGoal(key, id)}
        />
      ))}
    </section>
  );
}

function GoalChoice(props: {
  name: string;
  goals: ImportGoal[];
  value: string;
  onChoose: (goalId: string) => void;
}) {
  const id = useId();
  return (
    <div className="mi-goal-choice">
      <label htmlFor={id}>The file's “{props.name}” is</label>
      <select
        id={id}
        data-testid="mi-goal-choice"
        value={props.value}
        onChange={(e) => props.onChoose(e.target.value)}
      >
        <option value="">Choose a goal…</option>
        {props.goals.map((g) => (
          <option key={g.id} value={g.id}>
            {g.title}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Every row with a problem (and those left out), in words, each with "Leave out". */
export function Problems({ state }: { state: MeasurementImport }) {
  const { check, toggleExcluded, excludeProblems } = state;
  if (!check) return null;
  const listed = check.rows.filter((r) => r.status === "problem" || r.status === "excluded");
  if (listed.length === 0) return null;
  return (
    <section aria-labelledby="mi-problems" data-testid="mi-problems">
      <h3 id="mi-problems">
        {check.counts.problem === 0
          ? "No problems left"
          : `${check.counts.problem.toLocaleString("en")} ${check.counts.problem === 1 ? "row has a problem" : "rows have problems"}`}
      </h3>
      {check.counts.problem > 1 && (
        <button type="button" className="link-button" onClick={excludeProblems}>
          Leave out every row with a problem
        </button>
      )}
      <ul className="mi-problem-list">
        {listed.slice(0, LISTED_PROBLEMS).map((row) => (
          <li key={row.line} data-testid="mi-problem" data-line={row.line}>
            <label className="check">
              <input
                type="checkbox"
                checked={row.status === "excluded"}
                onChange={(e) => toggleExcluded(row.line, e.target.checked)}
              />{" "}
              Leave out
            </label>{" "}
            <strong>Row {row.line}</strong>
            {row.goalName && !row.problems.some((p) => p.includes(row.goalName))
              ? ` (${row.goalName})`
              : ""}
            : {row.problems.length > 0 ? row.problems.join("; ") : "left out"}.
          </li>
        ))}
      </ul>
      {listed.length > LISTED_PROBLEMS && (
        <p className="muted small">
          And {(listed.length - LISTED_PROBLEMS).toLocaleString("en")} more.
        </p>
      )}
    </section>
  );
}

export function Summary({ state }: { state: MeasurementImport }) {
  const { check } = state;
  if (!check) return null;
  const { counts } = check;
  const goals = new Set(check.entries.map((e) => e.goalId)).size;
  const n = (x: number) => x.toLocaleString("en");
  const parts = [
    `${n(counts.ready)} ${counts.ready === 1 ? "measurement" : "measurements"} ready for ${n(goals)} ${goals === 1 ? "goal" : "goals"}`,
  ];
  if (counts.excluded) parts.push(`${n(counts.excluded)} left out`);
  if (counts.duplicate) parts.push(`${n(counts.duplicate)} already recorded (left out)`);
  if (counts.blank) parts.push(`${n(counts.blank)} without a date or value (skipped)`);
  const blocked =
    counts.problem > 0
      ? ` Fix or leave out the ${counts.problem === 1 ? "row" : `${n(counts.problem)} rows`} with a problem to apply: nothing is added until every row is right.`
      : "";
  return (
    <p className="mi-summary" data-testid="mi-summary" aria-live="polite">
      {parts.join(", ")}.{blocked && <span className="mi-blocked">{blocked}</span>}
    </p>
  );
}
