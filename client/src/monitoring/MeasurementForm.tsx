import { isoDateSchema, type Measurement, NOTES_MAX, todayIso } from "@logic-canvas/shared";
import { type FormEvent, useId, useState } from "react";

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
}: {
  initial?: Measurement;
  unitHint?: string;
  submitLabel: string;
  onSave: (measurement: Measurement) => boolean;
  onCancel?: () => void;
  compact?: boolean;
}) {
  const id = useId();
  const [date, setDate] = useState(initial?.date ?? todayIso());
  const [value, setValue] = useState(initial ? String(initial.value) : "");
  const [note, setNote] = useState(initial?.note ?? "");
  const [error, setError] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    const number = Number(value.trim());
    if (value.trim() === "" || !Number.isFinite(number)) {
      setError("Enter the measured value as a number.");
      return;
    }
    if (!isoDateSchema.safeParse(date).success) {
      setError("Enter the date of the measurement.");
      return;
    }
    const measurement: Measurement = { date, value: number };
    if (note.trim()) measurement.note = note.trim();
    if (!onSave(measurement)) return;
    setError("");
    if (!initial) {
      setValue("");
      setNote("");
    }
  }

  return (
    <form
      className={`measurement-form${compact ? " compact" : ""}`}
      onSubmit={submit}
      data-testid="measurement-form"
      aria-label={submitLabel}
    >
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
