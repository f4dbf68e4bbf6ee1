import {
  type FileError,
  type LogicModel,
  type ModelFile,
  modelToCsv,
  parseModelFile,
  toModelFile,
} from "@logic-canvas/shared";

/** The open model as a model file; links whose card was deleted concurrently are left out. */
export function currentModelFile(model: LogicModel, checkIns: readonly string[]): ModelFile {
  const ids = new Set(model.nodes.map((n) => n.id));
  const edges = model.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return toModelFile({ ...model, edges }, checkIns.length > 0 ? { checkIns: [...checkIns] } : {});
}

export function modelFileBlob(model: LogicModel, checkIns: readonly string[]): Blob {
  return new Blob([`${JSON.stringify(currentModelFile(model, checkIns), null, 2)}\n`], {
    type: "application/json",
  });
}

export function csvBlob(model: LogicModel): Blob {
  return new Blob([modelToCsv(model)], { type: "text/csv;charset=utf-8" });
}

export type ImportResult = { ok: true; nodeCount: number } | { ok: false; errors: FileError[] };

/**
 * Replaces the open model's content with a model file through the server (editors and owners),
 * so every connected person sees the change as one edit. The file is checked here first, so
 * every problem is listed even before the server answers with its own list.
 */
export async function importIntoModel(
  modelId: string,
  token: string,
  text: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ImportResult> {
  const parsed = parseModelFile(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  let response: Response;
  try {
    response = await fetchImpl(`/api/models/${encodeURIComponent(modelId)}/content`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify(parsed.file),
    });
  } catch {
    return {
      ok: false,
      errors: [{ path: "", message: "The server cannot be reached; nothing was replaced." }],
    };
  }
  const body = (await response.json().catch(() => undefined)) as
    | { nodeCount?: number; error?: { message?: string; details?: unknown } }
    | undefined;
  if (response.ok) return { ok: true, nodeCount: body?.nodeCount ?? parsed.model.nodes.length };
  const details = body?.error?.details;
  const errors = Array.isArray(details)
    ? (details as FileError[])
    : [{ path: "", message: body?.error?.message ?? `The server answered ${response.status}.` }];
  return { ok: false, errors };
}
