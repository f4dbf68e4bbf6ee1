import type { LogicNode, Measurement } from "@logic-canvas/shared";
import { useState } from "react";
import type { YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import { formatDay } from "../ui/dates.ts";
import { MeasurementForm } from "./MeasurementForm.tsx";
import { formatValue } from "./status-labels.ts";

const same = (a: Measurement, b: Measurement) =>
  a.date === b.date &&
  a.value === b.value &&
  (a.note ?? "") === (b.note ?? "") &&
  a.subgroup === b.subgroup;

/**
 * The measurements of a goal, newest first, with a form to record one; editors can fix or
 * delete a wrong one. Fixes address the entry by its current position, found again at the
 * moment of the change so a collaborator's concurrent edit does not shift it onto another.
 */
export function MeasurementList({
  node,
  binding,
  readOnly,
  limit,
}: {
  node: LogicNode;
  binding: YjsFlowBinding;
  readOnly: boolean;
  limit?: number;
}) {
  const [editing, setEditing] = useState<Measurement | null>(null);
  const all = (node.measurements ?? []).map((m, index) => ({ m, index }));
  const sorted = [...all].sort((a, b) => b.m.date.localeCompare(a.m.date) || b.index - a.index);
  const shown = limit ? sorted.slice(0, limit) : sorted;
  const unit = node.smart?.unit;
  const indexOf = (m: Measurement) => (node.measurements ?? []).findIndex((x) => same(x, m));
  const subgroups = node.subgroups ?? [];
  const groupName = (m: Measurement) =>
    m.subgroup === undefined
      ? undefined
      : (subgroups.find((s) => s.id === m.subgroup)?.name ?? "a removed subgroup");

  return (
    <div className="measurements" data-testid="measurements">
      {!readOnly && (
        <MeasurementForm
          submitLabel="Record"
          unitHint={unit}
          subgroups={subgroups}
          onSave={(m) => binding.addMeasurement(node.id, m)}
        />
      )}
      {sorted.length === 0 ? (
        <p className="muted small">No measurement recorded yet.</p>
      ) : (
        <ul className="measurement-list">
          {shown.map(({ m, index }) =>
            editing && same(editing, m) ? (
              <li key={`${index}-edit`}>
                <MeasurementForm
                  initial={m}
                  submitLabel="Save"
                  unitHint={unit}
                  subgroups={subgroups}
                  compact
                  onCancel={() => setEditing(null)}
                  onSave={(next) => {
                    const at = indexOf(m);
                    const ok = at >= 0 && binding.updateMeasurement(node.id, at, next);
                    if (ok) setEditing(null);
                    return ok;
                  }}
                />
              </li>
            ) : (
              <MeasurementRow
                key={`${index}-${m.date}-${m.value}`}
                measurement={m}
                group={groupName(m)}
                unit={unit}
                readOnly={readOnly}
                onFix={() => setEditing(m)}
                onDelete={() => {
                  const at = indexOf(m);
                  if (at >= 0) binding.removeMeasurement(node.id, at);
                }}
              />
            ),
          )}
        </ul>
      )}
      {limit && sorted.length > limit && (
        <p className="muted small">and {sorted.length - limit} earlier…</p>
      )}
    </div>
  );
}

/**
 * One recorded measurement as read. The list decides what Fix and Delete do, because only it
 * knows how to find the entry again at the moment of the change.
 */
function MeasurementRow({
  measurement: m,
  group,
  unit,
  readOnly,
  onFix,
  onDelete,
}: {
  measurement: Measurement;
  /** The subgroup's name; undefined for the whole group. */
  group?: string;
  unit?: string;
  readOnly: boolean;
  onFix: () => void;
  onDelete: () => void;
}) {
  return (
    <li className="measurement-row" data-testid="measurement-row">
      <span className="measurement-date">{formatDay(m.date)}</span>
      <strong className="measurement-value">{formatValue(m.value, unit)}</strong>
      {group && (
        <span className="badge measurement-group" data-testid="measurement-group">
          {group}
        </span>
      )}
      {!readOnly && (
        <span className="measurement-actions">
          <button type="button" className="link-button" onClick={onFix}>
            Fix
          </button>
          <button
            type="button"
            className="link-button danger-text"
            aria-label={`Delete the measurement of ${formatDay(m.date)}`}
            onClick={onDelete}
          >
            Delete
          </button>
        </span>
      )}
      {m.note && <span className="measurement-note">{m.note}</span>}
    </li>
  );
}
