import type { FileError } from "@logic-canvas/shared";
import "./import-report.css";

/**
 * Why a model file cannot be imported: every problem, one line each, in the words of shared's
 * report ("Card 4 “Coaches visit…”: the kind “goal” is not one of …"), with where in the file
 * and the technical message folded away for whoever edits the JSON. Every import path (the home
 * page, the editor's Import, the recovery screen) shows it, for the browser's check and the
 * server's alike.
 */
export function ImportReport({
  fileName,
  problems,
  nothing,
  onClose,
}: {
  fileName: string;
  problems: readonly FileError[];
  /** What did not happen: "Nothing was created." / "Nothing was changed." */
  nothing: string;
  onClose?: () => void;
}) {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return (
    <div className="import-report" role="alert" data-testid="import-report">
      <p className="import-report-head">
        <strong>{fileName || "This file"} cannot be imported</strong> ({count}). {nothing} Fix these
        in the file, then import it again:
      </p>
      <ol className="import-report-list">
        {problems.map((problem, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list; two lines can read the same
          <li key={i} data-testid="import-problem">
            <span className="import-problem-text">{problem.text || problem.message}</span>
            {problem.path && (
              <details className="import-problem-detail">
                <summary>Where in the file</summary>
                <code>{problem.path}</code> {problem.message}
              </details>
            )}
          </li>
        ))}
      </ol>
      {onClose && (
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      )}
    </div>
  );
}
