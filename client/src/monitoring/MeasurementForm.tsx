import { type Measurement, NOTES_MAX, type Subgroup } from "@logic-canvas/shared";
import { useId } from "react";
import { type MeasurementDraft, useMeasurementDraft } from "./measurement-draft.ts";

/**
 * Records (or fixes) one dated measurement. Checks the input before it reaches the document and
 * says what is wrong; `onSave` returns false when the binding refused, and the draft is kept.
 */
export function MeasurementForm({
  initial,
  unitHint,
  submitLabel,
  onSave,
  onCancel,
  compact = false,
  subgroups = [],
}: {
  initial?: Measurement;
  /** The goal's subgroups: with any, a picker chooses whose measurement it is (default the whole group). */
  subgroups?: readonly Subgroup[];
  unitHint?: string;
  submitLabel: string;
  onSave: (measurement: Measurement) => boolean;
  onCancel?: () => void;
  compact?: boolean;
}) {
  const id = useId();
  const draft = useMeasurementDraft(initial, onSave);
  const { error, submit } = draft;

  return (
    <form
      className={`measurement-form${compact ? " compact" : ""}`}
      onSubmit={submit}
      data-testid="measurement-form"
      aria-label={submitLabel}
    >
      {subgroups.length > 0 && <SubgroupPicker id={id} subgroups={subgroups} draft={draft} />}
      <MeasurementFields id={id} unitHint={unitHint} draft={draft} />
      <button type="submit" data-testid="measurement-save">
        {submitLabel}
      </button>
      {onCancel && (
        <button type="button" className="link-button" onClick={onCancel}>
          Cancel
        </button>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** The date, value and note inputs; their labels are visually hidden (the placeholders show). */
function MeasurementFields({
  id,
  unitHint,
  draft,
}: {
  id: string;
  unitHint?: string;
  draft: MeasurementDraft;
}) {
  const { date, setDate, value, setValue, note, setNote } = draft;
  return (
    <>
      <label htmlFor={`${id}-date`} className="visually-hidden">
        Date measured
      </label>
      <input
        id={`${id}-date`}
        type="date"
        value={date}
        required
        data-testid="measurement-date"
        onChange={(e) => setDate(e.target.value)}
      />
      <label htmlFor={`${id}-value`} className="visually-hidden">
        Value{unitHint ? ` (${unitHint})` : ""}
      </label>
      <input
        id={`${id}-value`}
        type="number"
        step="any"
        inputMode="decimal"
        placeholder={unitHint ? `Value (${unitHint})` : "Value"}
        value={value}
        data-testid="measurement-value"
        onChange={(e) => setValue(e.target.value)}
      />
      <label htmlFor={`${id}-note`} className="visually-hidden">
        Note (optional)
      </label>
      <input
        id={`${id}-note`}
        placeholder="Note (optional)"
        value={note}
        maxLength={NOTES_MAX}
        data-testid="measurement-note"
        onChange={(e) => setNote(e.target.value)}
      />
    </>
  );
}

/** Whose measurement this is: the whole group (the default) or one of the goal's subgroups. */
function SubgroupPicker({
  id,
  subgroups,
  draft,
}: {
  id: string;
  subgroups: readonly Subgroup[];
  draft: MeasurementDraft;
}) {
  return (
    <>
      <label htmlFor={`${id}-subgroup`} className="visually-hidden">
        Group measured
      </label>
      <select
        id={`${id}-subgroup`}
        value={draft.subgroup}
        data-testid="measurement-subgroup"
        onChange={(e) => draft.setSubgroup(e.target.value)}
      >
        <option value="">Whole group</option>
        {subgroups.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </>
  );
}
