import { useEffect, useState } from "react";
import { ApiError } from "../app/json-api.ts";
import { StatusBadge } from "../monitoring/StatusBadge.tsx";
import { formatValue } from "../monitoring/status-labels.ts";
import { useModelAlignments } from "./card-alignment-store.ts";
import { goalRollup } from "./cascade-client.ts";
import type { RollupAnswer } from "./cascade-types.ts";
import { goalKey } from "./map-tree.ts";

const students = (n: number | null) => (n === null ? "—" : formatValue(n, "students"));

/**
 * The roll-up of a parent goal: the sentence ("…add up to 212 of the 240 students…: 28 short"),
 * each aligned goal below in students, and the warnings (the 84 % trap, units that cannot be
 * compared). Asked again whenever the model's alignments are (the same events).
 */
export function RollupDetails({
  modelId,
  cardId,
  token,
}: {
  modelId: string;
  cardId: string;
  token: string | undefined;
}) {
  const version = useModelAlignments();
  const [rollup, setRollup] = useState<RollupAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void version;
    let current = true;
    goalRollup(modelId, cardId, token)
      .then((r) => current && setRollup(r))
      .catch((e: unknown) => current && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      current = false;
    };
  }, [modelId, cardId, token, version]);
  if (error) return <p className="error-text">{error}</p>;
  if (!rollup) return null;
  return (
    <div className="rollup" data-testid="rollup-details">
      <p className="small align-rollup" data-testid="rollup-sentence">
        {rollup.sentence}
      </p>
      {rollup.sumProgress !== null && (
        <p className="small" data-testid="rollup-progress">
          That is {Math.round(rollup.sumProgress * 100)}% of the way from their baselines to this
          goal's target.
        </p>
      )}
      <table className="rollup-table">
        <caption className="visually-hidden">Goals aligned from below, in students</caption>
        <thead>
          <tr>
            <th scope="col">Goal below</th>
            <th scope="col">Baseline</th>
            <th scope="col">Target</th>
            <th scope="col">Now</th>
          </tr>
        </thead>
        <tbody>
          {rollup.children.map((c) => (
            <tr key={goalKey(c)}>
              <th scope="row">
                <StatusBadge status={c.status} compact /> {c.workspaceName}: {c.title}
                {c.excluded && <span className="align-broken small"> {c.excluded}</span>}
              </th>
              <td>{students(c.baselineStudents)}</td>
              <td>{students(c.targetStudents)}</td>
              <td data-testid="rollup-now">{students(c.latestStudents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rollup.warnings.map((w) => (
        <p key={`${w.code}:${w.modelId}:${w.cardId}`} className="small align-warning">
          {w.message}
        </p>
      ))}
    </div>
  );
}
