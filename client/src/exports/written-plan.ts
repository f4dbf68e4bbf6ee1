import { requestBlob } from "../app/json-api.ts";
import { downloadBlob, fileNameFor } from "./download.ts";

/** The written plan's two forms; the server writes both (server/src/reports/). */
export type PlanFormat = "docx" | "pdf";

/**
 * Asks the server for the written plan and saves it. The plan is written on the server because
 * it tells the revision log and the named versions, which only the server keeps in full.
 */
export async function downloadPlan(options: {
  modelId: string;
  token: string;
  title: string;
  format: PlanFormat;
  setBusy: (busy: boolean) => void;
  setMessage: (message: string) => void;
}): Promise<void> {
  const { modelId, token, title, format, setBusy, setMessage } = options;
  setBusy(true);
  setMessage(`Writing the plan (${format === "pdf" ? "PDF" : "Word"})…`);
  try {
    const blob = await requestBlob(
      `/api/models/${encodeURIComponent(modelId)}/report?format=${format}`,
      // A workspace member may have no link: the session cookie then says who they are.
      token ? { headers: { authorization: `Bearer ${token}` } } : {},
    );
    downloadBlob(blob, fileNameFor(title, `plan.${format}`));
    setMessage("");
  } catch (error) {
    setMessage(`The written plan could not be made: ${(error as Error).message}`);
  } finally {
    setBusy(false);
  }
}
