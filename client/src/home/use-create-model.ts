import type { FileError } from "@logic-canvas/shared";
import { useState } from "react";
import { type CreatedModel, createModel, openLink } from "../app/api.ts";
import { ApiError } from "../app/json-api.ts";
import { rememberModel } from "../app/local-store.ts";

/** An imported file that cannot be imported: its name and every problem (the import report). */
export interface ImportProblems {
  fileName: string;
  problems: FileError[];
}

function open(created: CreatedModel): void {
  rememberModel({ id: created.id, title: created.title, role: "owner", link: created.links.owner });
  openLink(created.links.owner);
}

/**
 * Creates a model (blank, from a template, or imported) and opens it; or says why it could not.
 * An imported file's problems, found by the browser or by the server, make one import report.
 * `make` creates it: on the home page anywhere, on a workspace's page in that workspace.
 */
export function useCreateModel(make: (body?: unknown) => Promise<CreatedModel> = createModel) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportProblems | null>(null);

  async function create(body?: unknown, fileName?: string) {
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      open(await make(body));
    } catch (e) {
      if (fileName !== undefined && e instanceof ApiError && e.details.length > 0)
        setReport({ fileName, problems: e.details });
      else setError(e instanceof ApiError ? e.message : String(e));
      setBusy(false);
    }
  }
  return { busy, error, report, setReport, create };
}
