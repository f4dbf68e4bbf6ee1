import {
  DATE_ORDER_WORDS,
  type DateOrder,
  FIELD_WORDS,
  IMPORT_FIELDS,
  type ImportField,
} from "@logic-canvas/shared";
import { useId } from "react";
import type { MeasurementImport } from "./import-state.ts";

/** Which column holds what, and the day–month order when the file leaves it open. */
export function MappingStep({ state }: { state: MeasurementImport }) {
  const { file, draft, update } = state;
  if (!file) return null;
  const setColumn = (field: ImportField, value: string) => {
    const mapping = { ...draft.mapping };
    if (value === "") delete mapping[field];
    else mapping[field] = Number(value);
    update({ mapping });
  };
  return (
    <section className="mi-mapping" aria-labelledby="mi-columns">
      <h3 id="mi-columns">Columns</h3>
      {file.ownExport && (
        <p className="muted small" data-testid="mi-own-export">
          This is a Logic Canvas CSV export: its columns are known, nothing to map.
        </p>
      )}
      <div className="mi-columns">
        {IMPORT_FIELDS.map((field) => (
          <ColumnChoice
            key={field}
            field={field}
            headers={file.table.headers}
            value={draft.mapping[field]}
            onChange={(v) => setColumn(field, v)}
          />
        ))}
      </div>
      {draft.mapping.subgroup !== undefined && (
        <p className="muted small">
          Subgroups are matched by name to those each goal tracks; an empty cell is the whole group.
        </p>
      )}
      <DateOrderChoice state={state} />
    </section>
  );
}

function ColumnChoice(props: {
  field: ImportField;
  headers: string[];
  value: number | undefined;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const words = FIELD_WORDS[props.field];
  return (
    <div className="mi-column">
      <label htmlFor={id}>
        {words.label}
        {words.required ? "" : " (optional)"}
      </label>
      <select
        id={id}
        data-testid={`mi-column-${props.field}`}
        value={props.value === undefined ? "" : String(props.value)}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{words.required ? "Choose a column…" : "None"}</option>
        {props.headers.map((header, i) => (
          // Columns are fixed for the file: the index is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <option key={i} value={String(i)}>
            {header || `Column ${i + 1}`}
          </option>
        ))}
      </select>
    </div>
  );
}

function DateOrderChoice({ state }: { state: MeasurementImport }) {
  const { check, draft, update } = state;
  if (!check) return null;
  const { dates } = check;
  const fromFile = dates.dayFirstExample ?? dates.monthFirstExample;
  const asked =
    dates.needsChoice ||
    draft.dateOrder !== undefined ||
    !!(dates.dayFirstExample && dates.monthFirstExample);
  if (!asked) {
    if (!dates.order || !fromFile) return null;
    return (
      <p className="muted small" data-testid="mi-date-order-found">
        Dates read {DATE_ORDER_WORDS[dates.order]}, as “{fromFile}” shows.
      </p>
    );
  }
  return (
    <fieldset className="mi-date-order" data-testid="mi-date-order">
      <legend>
        {draft.dateOrder
          ? "Dates like 3/4/2026 are read:"
          : `${dates.ambiguous.toLocaleString("en")} dates could be read either way. Which comes first?`}
      </legend>
      {(["mdy", "dmy"] as DateOrder[]).map((order) => (
        <label key={order} className="check">
          <input
            type="radio"
            name="mi-date-order"
            value={order}
            checked={draft.dateOrder === order}
            onChange={() => update({ dateOrder: order })}
          />{" "}
          {DATE_ORDER_WORDS[order]}
        </label>
      ))}
    </fieldset>
  );
}
