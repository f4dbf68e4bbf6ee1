import {
  type FileError,
  type LogicModel,
  type ModelFile,
  modelToCsv,
  parseModelFile,
} from "@logic-canvas/shared";

/** A model file (shared's `modelFileOfDocs`) as the bytes of a download. */
export function modelFileBlob(file: ModelFile): Blob {
  return new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: "application/json" });
}

export function csvBlob(model: LogicModel): Blob {
  return new Blob([modelToCsv(model)], { type: "text/csv;charset=utf-8" });
}

const UNREACHABLE = "The server cannot be reached; nothing was replaced.";

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
      errors: [{ path: "", message: UNREACHABLE, text: UNREACHABLE }],
    };
  }
  const body = (await response.json().catch(() => undefined)) as
    | { nodeCount?: number; error?: { message?: string; details?: unknown } }
    | undefined;
  if (response.ok) return { ok: true, nodeCount: body?.nodeCount ?? parsed.model.nodes.length };
  const details = body?.error?.details;
  const said = body?.error?.message ?? `The server answered ${response.status}.`;
  const errors = Array.isArray(details)
    ? (details as FileError[])
    : [{ path: "", message: said, text: said }];
  return { ok: false, errors };
}
