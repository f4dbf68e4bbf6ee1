import type { LogicModel } from "@logic-canvas/shared";
import { type ReactNode, type RefObject, useRef, useState } from "react";
import type { YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import type { ToolbarAction } from "../editor/toolbar-actions.ts";
import { useReviewContext } from "../review/review-context.ts";
import { downloadBlob, fileNameFor } from "./download.ts";
import { ImportConfirm, ImportErrorList } from "./ImportPopovers.tsx";
import { csvBlob, modelFileBlob } from "./model-file.ts";
import type { ImageFormat } from "./model-image.ts";
import { type TooSmallPng, UnreadablePngDialog } from "./UnreadablePng.tsx";
import { useModelImport } from "./use-model-import.ts";
import { downloadPlan, type PlanFormat } from "./written-plan.ts";

/**
 * The editor's export, import and print commands, as toolbar actions (they go under "More"),
 * with what they show: the import's file picker, confirmation and problems, and a message.
 */
export function useExportActions({
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
  const input = useRef<HTMLInputElement>(null);
  const { errors, setErrors, pending, setPending, choose, replace } = useModelImport({
    binding,
    checkIns,
    modelId,
    token,
    setBusy,
    setMessage,
  });
  const [tooSmall, setTooSmall] = useState<TooSmallPng | null>(null);
  const downloads = useDownloads(model, setBusy, setMessage, setTooSmall);
  const plan = (format: PlanFormat) =>
    void downloadPlan({ modelId, token, title: model.title, format, setBusy, setMessage });

  const actions = exportActions({
    busy,
    onPrint,
    onImage: (format) => void downloads.image(format, false),
    onCsv: downloads.csv,
    onModelFile: downloads.modelFile,
    onPlan: plan,
    onImport: canImport ? () => input.current?.click() : undefined,
  });

  const overlays = (
    <ExportOverlays
      input={canImport ? input : null}
      onFile={(file) => void choose(file)}
      confirm={
        pending && (
          <ImportConfirm
            pending={pending}
            cardCount={model.nodes.length}
            busy={busy}
            onReplace={() => void replace(pending)}
            onCancel={() => setPending(null)}
          />
        )
      }
      report={
        <>
          {errors && <ImportErrorList errors={errors} onClose={() => setErrors(null)} />}
          {tooSmall && (
            <UnreadablePngDialog
              image={tooSmall}
              onCancel={() => setTooSmall(null)}
              onChoose={(choice) => {
                setTooSmall(null);
                if (choice === "print") onPrint();
                else void downloads.image(choice, choice === "png");
              }}
            />
          )}
        </>
      }
      message={message}
      onCloseMessage={() => setMessage("")}
    />
  );
  return { actions, overlays };
}

/**
 * The downloads themselves: the model file (with the review), an image, the goals as CSV.
 * Apart from `useExportActions`, which wires them to the toolbar and the import's popovers.
 */
function useDownloads(
  model: LogicModel,
  setBusy: (busy: boolean) => void,
  setMessage: (message: string) => void,
  setTooSmall: (image: TooSmallPng) => void,
) {
  const review = useReviewContext();

  function modelFile() {
    // Both documents, as the API's export writes them (shared's `modelFileOfDocs`).
    const file = review?.modelFile?.();
    if (!file) {
      setMessage("The comments and votes are still loading; try again in a moment.");
      return;
    }
    downloadBlob(modelFileBlob(file), fileNameFor(model.title, "logic-model.json"));
  }

  async function image(format: ImageFormat, evenIfUnreadable: boolean) {
    setBusy(true);
    let drawing: typeof import("./model-image.ts") | undefined;
    try {
      // The layout and drawing code loads on the first export, not before the first cards.
      drawing = await import("./model-image.ts");
      const { blob } = await drawing.modelImage(model, format, { evenIfUnreadable });
      downloadBlob(blob, fileNameFor(model.title, format));
    } catch (error) {
      if (drawing && error instanceof drawing.UnreadableImage) setTooSmall(error);
      else setMessage(`The image could not be made: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  const csv = () => downloadBlob(csvBlob(model), fileNameFor(model.title, "csv"));
  return { modelFile, image, csv };
}

/** The import's hidden file picker, its confirmation or report, and a message of the exports. */
function ExportOverlays(props: {
  /** Absent where the person may not replace the model's content. */
  input: RefObject<HTMLInputElement | null> | null;
  onFile: (file: File | undefined) => void;
  confirm: ReactNode;
  report: ReactNode;
  message: string;
  onCloseMessage: () => void;
}) {
  return (
    <div className="export-overlays" data-testid="export-menu">
      {props.input && (
        <input
          ref={props.input}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          aria-label="Model file to import into this model"
          data-testid="import-into-model"
          tabIndex={-1}
          onChange={(e) => {
            props.onFile(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
      )}
      {props.confirm}
      {props.report}
      {props.message && (
        <div className="export-popover" role="status">
          {props.message}{" "}
          <button type="button" className="link-button" onClick={props.onCloseMessage}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}

/** The commands themselves, in the order of their priority under "More". */
function exportActions(props: {
  busy: boolean;
  onPrint: () => void;
  onImage: (format: ImageFormat) => void;
  onCsv: () => void;
  onModelFile: () => void;
  onPlan: (format: PlanFormat) => void;
  /** Absent where the person may not replace the model's content. */
  onImport?: () => void;
}): ToolbarAction[] {
  const { busy, onImport } = props;
  const actions: ToolbarAction[] = [
    {
      id: "print",
      label: "Print…",
      title: "A printable table of the model",
      priority: 200,
      run: props.onPrint,
    },
    {
      id: "export-png",
      label: "Export as PNG image",
      title: "The whole model as a PNG image: lanes, cards and links",
      priority: 210,
      disabled: busy,
      run: () => props.onImage("png"),
    },
    {
      id: "export-svg",
      label: "Export as SVG drawing",
      title: "The whole model as an SVG drawing, for slides and documents",
      priority: 220,
      disabled: busy,
      run: () => props.onImage("svg"),
    },
    {
      id: "plan-docx",
      label: "Written plan (Word)",
      title: "The plan for a board, in sentences, with tables: editable in Word or Google Docs",
      priority: 222,
      disabled: busy,
      testId: "plan-docx",
      run: () => props.onPlan("docx"),
    },
    {
      id: "plan-pdf",
      label: "Written plan (PDF)",
      title: "The plan for a board, in sentences, with a chart per goal",
      priority: 224,
      disabled: busy,
      testId: "plan-pdf",
      run: () => props.onPlan("pdf"),
    },
    {
      id: "export-csv",
      label: "Export goals as CSV",
      title: "Goals and measurements as a spreadsheet (CSV, UTF-8)",
      priority: 230,
      testId: "export-csv",
      run: props.onCsv,
    },
    {
      id: "export-model-file",
      label: "Download model file",
      title: "The model file (JSON) with its comments and votes, to import elsewhere",
      priority: 240,
      run: props.onModelFile,
    },
  ];
  if (onImport)
    actions.push({
      id: "import",
      label: "Import a model file…",
      title: "Replace this model's content with a model file",
      priority: 250,
      disabled: busy,
      run: onImport,
    });
  return actions;
}
