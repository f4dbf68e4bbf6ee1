import { useState } from "react";
import { type CreatedModel, createModel } from "../app/api.ts";
import { ApiError } from "../app/json-api.ts";
import { rememberModel } from "../app/local-store.ts";

/** A problem the server found in an imported file: where (`path`) and what. */
export interface ImportProblem {
  path: string;
  message: string;
}

function open(created: CreatedModel): void {
  rememberModel({ id: created.id, title: created.title, role: "owner", link: created.links.owner });
  const url = new URL(created.links.owner);
  // Same origin as this page whatever host the server put in its links (proxies, dev server).
  window.location.assign(`${url.pathname}${url.hash}`);
}

/** Creates a model (blank, from a template, or imported) and opens it; or says why it could not. */
export function useCreateModel() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [details, setDetails] = useState<ImportProblem[]>([]);

  async function create(body?: unknown) {
    setBusy(true);
    setError(null);
    setDetails([]);
    try {
      open(await createModel(body));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      // The server checks an import again; its list of problems is shown like the local one.
      setDetails(e instanceof ApiError ? e.details : []);
      setBusy(false);
    }
  }
  return { busy, error, details, create };
}
