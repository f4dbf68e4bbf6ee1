import { isoDateSchema, type Measurement, todayIso } from "@logic-canvas/shared";
import { type FormEvent, useState } from "react";

export type MeasurementDraft = ReturnType<typeof useMeasurementDraft>;

/**
 * The draft of one measurement and its check. Kept apart from the form's markup so the rules
 * (a number, a date, a trimmed optional note) read in one place. `onSave` returns false when the
 * binding refused; the draft is then kept so nothing typed is lost. A new entry clears after a
 * save, a fix keeps its values (the form closes instead).
 */
export function useMeasurementDraft(
  initial: Measurement | undefined,
  onSave: (measurement: Measurement) => boolean,
) {
  const [date, setDate] = useState(initial?.date ?? todayIso());
  const [value, setValue] = useState(initial ? String(initial.value) : "");
  const [note, setNote] = useState(initial?.note ?? "");
  // "" is the whole group; otherwise a subgroup's id (issue 18).
  const [subgroup, setSubgroup] = useState(initial?.subgroup ?? "");
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
    if (subgroup) measurement.subgroup = subgroup;
    if (!onSave(measurement)) return;
    setError("");
    if (!initial) {
      setValue("");
      setNote("");
    }
  }

  return {
    date,
    setDate,
    value,
    setValue,
    note,
    setNote,
    subgroup,
    setSubgroup,
    error,
    submit,
  };
}
