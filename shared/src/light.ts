/**
 * The light public surface of `@logic-canvas/shared`: facts a page reads without zod or Yjs,
 * from modules that import neither, so a page built on these alone does not download and run
 * the whole domain package (~270 kB, its zod schemas built as it loads). The workspace progress
 * page is such a page (issue 16: its first rows within a second). Every name here is also in
 * the full surface (index.ts), the same binding; types come from there with `import type`.
 */

export { CASCADE_EVENT, cascadePaths } from "./cascade-paths.ts";
export { addDays, dayNumber, formatDay, formatDayNumber, todayIso } from "./dates.ts";
export { GOAL_KINDS, KIND_LABELS } from "./kinds.ts";
export { GOAL_STATUSES } from "./progress.ts";
export { PROGRESS_PAGE_MAX, PROGRESS_SORTS } from "./progress-sorts.ts";
export { formatValue, STATUS_EXPLAINS, STATUS_LABEL } from "./status-words.ts";
export { WORKSPACE_KIND_LABELS } from "./workspace-kinds.ts";
