import type { MapQuery } from "./cascade-map-api.ts";
import type { ProgressFilter, ProgressQuery } from "./cascade-progress-api.ts";
import { searchOf } from "./search-params.ts";

/**
 * The cascade routes' URLs as the pages call them (CASCADE_ROUTES in cascade-api.ts says what
 * each answers). Apart from the routes' zod schemas, so that a page that only reads (the progress
 * page, light.ts) loads no zod.
 */
const enc = encodeURIComponent;
export const cascadePaths = {
  alignable: (modelId: string, cardId: string, q = "") =>
    `/api/models/${enc(modelId)}/cascade/alignable?card=${enc(cardId)}&q=${enc(q)}`,
  alignments: (modelId: string, cardId: string) =>
    `/api/models/${enc(modelId)}/cascade/alignments/${enc(cardId)}`,
  context: (modelId: string) => `/api/models/${enc(modelId)}/cascade/context`,
  rollup: (modelId: string, cardId: string) =>
    `/api/models/${enc(modelId)}/cascade/rollup/${enc(cardId)}`,
  map: (workspaceId: string, query: MapQuery = {}) =>
    `/api/workspaces/${enc(workspaceId)}/cascade/map${searchOf({ ...query })}`,
  progress: (workspaceId: string, query: ProgressQuery = {}) =>
    `/api/workspaces/${enc(workspaceId)}/cascade/progress${searchOf({ ...query })}`,
  progressCsv: (workspaceId: string, filter: ProgressFilter = {}) =>
    `/api/workspaces/${enc(workspaceId)}/cascade/progress.csv${searchOf({ ...filter })}`,
  events: (workspaceId: string) => `/api/workspaces/${enc(workspaceId)}/cascade/events`,
  modelEvents: (modelId: string) => `/api/models/${enc(modelId)}/cascade/events`,
};

/** The SSE event name. */
export const CASCADE_EVENT = "cascade";
