import type { LogicModel } from "@logic-canvas/shared";
import { useRef, useState } from "react";
import type { YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import { useReviewContext } from "../review/review-context.ts";
import { downloadBlob, downloadUrl, fileNameFor } from "./download.ts";
import { ImportConfirm, ImportErrorList } from "./ImportPopovers.tsx";
import { csvBlob, modelFileBlob } from "./model-file.ts";
import { type ImageFormat, modelImage } from "./model-image.ts";
import { useModelImport } from "./use-model-import.ts";

/** The editor's export and import commands (a toolbar group). */
export function ExportMenu({
  binding,
  model,
  checkIns,
  modelId,
  token,
  canImport,
  onPrint,
}: {
  binding: YjsFlowBinding;
  model: LogicModel;
  checkIns: string[];
  modelId: string;
  token: string;
  canImport: boolean;
  onPrint: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const { errors, setErrors, pending, setPending, choose, replace } = useModelImport({
    binding,
    checkIns,
    modelId,
    token,
    setBusy,
    setMessage,
  });
  const review = useReviewContext();

  function exportFile() {
    // Both documents, as the API's export writes them (shared's `modelFileOfDocs`).
    const file = review?.modelFile?.();
    if (!file) {
      setMessage("The comments and votes are still loading; try again in a moment.");
      return;
    }
    downloadBlob(modelFileBlob(file), fileNameFor(model.title, "logic-model.json"));
  }

  return (
    <div className="tool-group export-group" data-testid="export-menu">
      <ImageButtons model={model} busy={busy} setBusy={setBusy} setMessage={setMessage} />
      <button
        type="button"
        title="Goals and measurements as a spreadsheet (CSV, UTF-8)"
        data-testid="export-csv"
        onClick={() => downloadBlob(csvBlob(model), fileNameFor(model.title, "csv"))}
      >
        CSV
      </button>
      <button
        type="button"
        title="The model file (JSON) with its comments and votes, to import elsewhere"
        onClick={exportFile}
      >
        Model file
      </button>
      {canImport && <ImportFileButton busy={busy} onFile={(file) => void choose(file)} />}
      <button type="button" title="A printable table of the model" onClick={onPrint}>
        Print…
      </button>
      {pending && (
        <ImportConfirm
          pending={pending}
          cardCount={model.nodes.length}
          busy={busy}
          onReplace={() => void replace(pending)}
          onCancel={() => setPending(null)}
        />
      )}
      {errors && <ImportErrorList errors={errors} onClose={() => setErrors(null)} />}
      {message && (
        <div className="export-popover" role="status">
          {message}{" "}
          <button type="button" className="link-button" onClick={() => setMessage("")}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}

/** Opens the file picker for a model file to import into this model. */
function ImportFileButton({
  busy,
  onFile,
}: {
  busy: boolean;
  onFile: (file: File | undefined) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        disabled={busy}
        title="Replace this model's content with a model file"
        onClick={() => input.current?.click()}
      >
        Import…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        aria-label="Model file to import into this model"
        data-testid="import-into-model"
        onChange={(e) => {
          onFile(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
    </>
  );
}

/** PNG and SVG pictures of the whole model (made in the browser, which takes a moment). */
function ImageButtons(props: {
  model: LogicModel;
  busy: boolean;
  setBusy: (busy: boolean) => void;
  setMessage: (message: string) => void;
}) {
  const { model, busy, setBusy, setMessage } = props;
  async function image(format: ImageFormat) {
    setBusy(true);
    try {
      const { dataUrl } = await modelImage(model, format);
      downloadUrl(dataUrl, fileNameFor(model.title, format));
    } catch (error) {
      setMessage(`The image could not be made: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button
        type="button"
        disabled={busy}
        title="The whole model as a PNG image: lanes, cards and links"
        onClick={() => void image("png")}
      >
        PNG
      </button>
      <button
        type="button"
        disabled={busy}
        title="The whole model as an SVG drawing, for slides and documents"
        onClick={() => void image("svg")}
      >
        SVG
      </button>
    </>
  );
}
