import type { ProgressRow } from "./cascade-progress-api.ts";
import { csvCell } from "./csv.ts";
import { KIND_LABELS } from "./kinds.ts";
import { STATUS_LABEL } from "./status-words.ts";
import { WORKSPACE_KIND_LABELS } from "./workspaces.ts";

/** The workspace progress page as CSV: one row per goal, in the page's order. */
export const PROGRESS_CSV_HEADER = [
  "Level",
  "Workspace",
  "Model",
  "Lane",
  "Goal",
  "Status",
  "Stale mid-journey",
  "Unit",
  "Baseline",
  "Target",
  "Target date",
  "Latest value",
  "Last measured",
  "Next check-in",
  "Aligns up to",
  "Broken alignments",
] as const;

export function progressToCsv(rows: readonly ProgressRow[]): string {
  const lines = [PROGRESS_CSV_HEADER.map(csvCell).join(",")];
  for (const r of rows) {
    const cells = [
      WORKSPACE_KIND_LABELS[r.workspaceKind],
      r.workspaceName,
      r.modelTitle,
      KIND_LABELS[r.kind].label,
      r.title,
      STATUS_LABEL[r.statusToday],
      r.stale ? "yes" : "no",
      r.unit ?? undefined,
      r.baseline ?? undefined,
      r.target ?? undefined,
      r.targetDate ?? undefined,
      r.latest?.value,
      r.lastMeasured ?? undefined,
      r.nextCheckIn ?? undefined,
      r.alignedUp,
      r.brokenUp,
    ];
    lines.push(cells.map(csvCell).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
