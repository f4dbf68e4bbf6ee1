import { useId } from "react";
import type { BindingSnapshot, YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import { Modal } from "../ui/Modal.tsx";
import { useMeasurementImport } from "./import-state.ts";
import { MappingStep } from "./MappingStep.tsx";
import { GoalChoices, Preview, Problems, Summary } from "./RowsStep.tsx";
import { WORKBOOK_LIMITS } from "./zip-guard.ts";

/** "Import measurements": the file, its mapping, the rows checked, then Apply (one undo step). */
export function ImportDialog(props: {
  binding: YjsFlowBinding;
  snapshot: BindingSnapshot;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const state = useMeasurementImport(props.snapshot.model);
  const { file, check } = state;
  const apply = () => {
    if (!check?.canApply) return;
    if (!props.binding.addMeasurements(check.entries)) return;
    const n = check.entries.length;
    props.onDone(
      `${n.toLocaleString("en")} ${n === 1 ? "measurement" : "measurements"} imported. Undo (Ctrl+Z) takes the whole import back.`,
    );
  };
  return (
    <Modal title="Import measurements" onClose={props.onClose} testId="measurement-import">
      <div className="mi">
        <FilePicker state={state} />
        {file && check && (
          <>
            <MappingStep state={state} />
            {check.mappingProblems.length > 0 && (
              <ul className="form-error" data-testid="mi-mapping-problems">
                {check.mappingProblems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
            <Preview state={state} />
            <GoalChoices state={state} />
            <Problems state={state} />
            <Summary state={state} />
          </>
        )}
        <div className="mi-actions">
          <button
            type="button"
            className="primary"
            data-testid="mi-apply"
            disabled={!check?.canApply}
            onClick={apply}
          >
            Apply
          </button>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Modal>
  );
}

function FilePicker({ state }: { state: ReturnType<typeof useMeasurementImport> }) {
  const id = useId();
  const limit = Math.round(WORKBOOK_LIMITS.fileBytes / (1024 * 1024));
  return (
    <div className="mi-file">
      <label htmlFor={id}>
        {state.file ? "Another file" : "A spreadsheet of measurements"} (CSV or Excel .xlsx, up to{" "}
        {limit} MB)
      </label>
      <input
        id={id}
        type="file"
        accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="mi-file"
        disabled={state.reading}
        onChange={(e) => {
          void state.choose(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      {state.reading && <p role="status">Reading the file…</p>}
      {state.refusal && (
        <p className="form-error" role="alert" data-testid="mi-refusal">
          {state.refusal}
        </p>
      )}
      {state.file && (
        <p className="muted small" data-testid="mi-file-name">
          {state.file.fileName}
          {state.file.sheet ? `, sheet “${state.file.sheet}”` : ""}:{" "}
          {state.file.table.rows.length.toLocaleString("en")}{" "}
          {state.file.table.rows.length === 1 ? "row" : "rows"}
        </p>
      )}
      {state.file?.sheet && (state.file.sheets?.length ?? 0) > 1 && (
        <SheetPicker state={state} sheet={state.file.sheet} sheets={state.file.sheets ?? []} />
      )}
    </div>
  );
}

/** A workbook with several sheets of data: which one holds the measurements. */
function SheetPicker(props: {
  state: ReturnType<typeof useMeasurementImport>;
  sheet: string;
  sheets: string[];
}) {
  const id = useId();
  return (
    <div className="field mi-sheet">
      <label htmlFor={id}>Sheet</label>
      <select
        id={id}
        data-testid="mi-sheet"
        value={props.sheet}
        disabled={props.state.reading}
        onChange={(e) => props.state.chooseSheet(e.target.value)}
      >
        {props.sheets.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
