import { isModelId } from "../access/tokens.ts";

/** A model's two Hocuspocus documents: the graph (`<id>`) and the review (`<id>/review`). */
export type DocKind = "graph" | "review";

export interface DocName {
  modelId: string;
  kind: DocKind;
}

export function graphDocName(modelId: string): string {
  return modelId;
}

export function reviewDocName(modelId: string): string {
  return `${modelId}/review`;
}

export function parseDocName(name: string): DocName | undefined {
  const [modelId, suffix, ...rest] = name.split("/");
  if (rest.length > 0 || !modelId || !isModelId(modelId)) return undefined;
  if (suffix === undefined) return { modelId, kind: "graph" };
  if (suffix === "review") return { modelId, kind: "review" };
  return undefined;
}
