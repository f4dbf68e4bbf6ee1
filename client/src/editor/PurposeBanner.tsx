import {
  hasPurpose,
  MAX_VALUES,
  MISSION_MAX,
  type Purpose,
  VALUE_MAX,
  VISION_MAX,
} from "@logic-canvas/shared";
import { type FormEvent, useId, useState } from "react";
import { Modal } from "../ui/Modal.tsx";
import "./purpose.css";

/**
 * The school's mission, vision and values above the mastery goal (issue 17, seed 002). Everyone
 * sees them; editors and owners change them in a dialog (one undo step, one revision-log entry).
 */
export function PurposeBanner({
  purpose,
  readOnly,
  onSave,
}: {
  purpose: Purpose;
  readOnly: boolean;
  onSave: (purpose: Purpose) => boolean;
}) {
  const [editing, setEditing] = useState(false);
  if (!hasPurpose(purpose) && readOnly) return null;
  return (
    <section className="purpose" aria-label="Mission, vision and values" data-testid="purpose">
      {purpose.mission && <PurposeLine label="Mission" text={purpose.mission} />}
      {purpose.vision && <PurposeLine label="Vision" text={purpose.vision} />}
      {purpose.values?.length ? (
        <div className="purpose-line">
          <span className="purpose-label">Values</span>
          <ul className="purpose-values" aria-label="Values">
            {purpose.values.map((value) => (
              <li key={value}>{value}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {!readOnly && (
        <button type="button" className="link-button purpose-edit" onClick={() => setEditing(true)}>
          {hasPurpose(purpose)
            ? "Edit mission, vision and values"
            : "Add the school's mission, vision and values"}
        </button>
      )}
      {editing && (
        <PurposeDialog
          purpose={purpose}
          onClose={() => setEditing(false)}
          onSave={(next) => onSave(next) && setEditing(false)}
        />
      )}
    </section>
  );
}

function PurposeLine({ label, text }: { label: string; text: string }) {
  return (
    <div className="purpose-line">
      <span className="purpose-label">{label}</span>
      <p className="purpose-text">{text}</p>
    </div>
  );
}

/** Values are typed one per line; blank lines are dropped. */
const valuesOf = (text: string) =>
  text
    .split("\n")
    .map((v) => v.trim())
    .filter((v) => v !== "");

function purposeProblem(values: string[]): string | null {
  if (values.length > MAX_VALUES)
    return `List at most ${MAX_VALUES} values (${values.length} now).`;
  const long = values.find((v) => v.length > VALUE_MAX);
  return long
    ? `Each value is at most ${VALUE_MAX} characters: “${long.slice(0, 40)}…” is longer.`
    : null;
}

function PurposeDialog({
  purpose,
  onClose,
  onSave,
}: {
  purpose: Purpose;
  onClose: () => void;
  onSave: (purpose: Purpose) => void;
}) {
  const id = useId();
  const [mission, setMission] = useState(purpose.mission ?? "");
  const [vision, setVision] = useState(purpose.vision ?? "");
  const [values, setValues] = useState((purpose.values ?? []).join("\n"));
  const problem = purposeProblem(valuesOf(values));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem) onSave({ mission, vision, values: valuesOf(values) });
  };
  return (
    <Modal title="Mission, vision and values" onClose={onClose} testId="purpose-dialog">
      <form className="purpose-form" onSubmit={submit}>
        <p className="muted small">
          The school's mission, vision and values, shown above the mastery goal, in the exports and
          in the print view. Leave a field empty to remove it.
        </p>
        <label htmlFor={`${id}-mission`}>Mission</label>
        <textarea
          id={`${id}-mission`}
          rows={3}
          maxLength={MISSION_MAX}
          value={mission}
          placeholder="Why the school exists: what it does, for whom"
          onChange={(e) => setMission(e.target.value)}
        />
        <label htmlFor={`${id}-vision`}>Vision</label>
        <textarea
          id={`${id}-vision`}
          rows={3}
          maxLength={VISION_MAX}
          value={vision}
          placeholder="What the school wants to become"
          onChange={(e) => setVision(e.target.value)}
        />
        <label htmlFor={`${id}-values`}>Values, one per line (at most {MAX_VALUES})</label>
        <textarea
          id={`${id}-values`}
          rows={4}
          value={values}
          aria-describedby={problem ? `${id}-problem` : undefined}
          aria-invalid={problem ? true : undefined}
          placeholder={"Every student known by name\nHigh expectations, high support"}
          onChange={(e) => setValues(e.target.value)}
        />
        {problem && (
          <p className="field-problem" id={`${id}-problem`} role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!!problem}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
