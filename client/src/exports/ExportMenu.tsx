import { type FileError, type LogicModel, parseModelFile } from "@logic-canvas/shared";
import { useRef, useState } from "react";
import type { YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import type { ToolbarAction } from "../editor/toolbar-actions.ts";
import { Modal } from "../ui/Modal.tsx";
import { downloadBlob, downloadUrl, fileNameFor } from "./download.ts";
import { csvBlob, importIntoModel, modelFileBlob } from "./model-file.ts";
import { type ImageFormat, modelImage } from "./model-image.ts";

type Pending = { name: string; text: string; nodeCount: number; checkIns?: string[] };

/**
 * The editor's export, import and print commands, as toolbar actions (they go under "More"),
 * with what they show: the import's confirmation and problems, and a message.
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
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ name: string; list: FileError[] } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState("");

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

  async function choose(file: File | undefined) {
    if (!file) return;
    setErrors(null);
    setMessage("");
    const text = await file.text();
    const parsed = parseModelFile(text);
    if (!parsed.ok) {
      setErrors({ name: file.name, list: parsed.errors });
      return;
    }
    setPending({
      name: file.name,
      text,
      nodeCount: parsed.model.nodes.length,
      checkIns: parsed.file.checkIns,
    });
  }

  async function replace(p: Pending) {
    setBusy(true);
    const result = await importIntoModel(modelId, token, p.text);
    setBusy(false);
    setPending(null);
    if (!result.ok) {
      setErrors({ name: p.name, list: result.errors });
      return;
    }
    // The server's replace carries the graph; the file's check-in dates are applied here.
    if (p.checkIns) {
      const wanted = new Set(p.checkIns);
      for (const date of checkIns) if (!wanted.has(date)) binding.removeCheckIn(date);
      for (const date of wanted) if (!checkIns.includes(date)) binding.addCheckIn(date);
    }
    setMessage(`Imported ${p.name}: the model now has ${result.nodeCount} cards.`);
  }

  const actions: ToolbarAction[] = [
    {
      id: "export-png",
      label: "Export as PNG image",
      title: "The whole model as a PNG image: lanes, cards and links",
      priority: 210,
      disabled: busy,
      run: () => void image("png"),
    },
    {
      id: "export-svg",
      label: "Export as SVG drawing",
      title: "The whole model as an SVG drawing, for slides and documents",
      priority: 220,
      disabled: busy,
      run: () => void image("svg"),
    },
    {
      id: "export-csv",
      label: "Export goals as CSV",
      title: "Goals and measurements as a spreadsheet (CSV, UTF-8)",
      priority: 230,
      testId: "export-csv",
      run: () => downloadBlob(csvBlob(model), fileNameFor(model.title, "csv")),
    },
    {
      id: "export-model-file",
      label: "Download model file",
      title: "The model file (JSON), to import elsewhere",
      priority: 240,
      run: () =>
        downloadBlob(modelFileBlob(model, checkIns), fileNameFor(model.title, "logic-model.json")),
    },
    ...(canImport
      ? [
          {
            id: "import",
            label: "Import a model file…",
            title: "Replace this model's content with a model file",
            priority: 250,
            disabled: busy,
            run: () => input.current?.click(),
          },
        ]
      : []),
    {
      id: "print",
      label: "Print…",
      title: "A printable table of the model",
      priority: 200,
      run: onPrint,
    },
  ];

  const overlays = (
    <div className="export-overlays" data-testid="export-menu">
      {canImport && (
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          aria-label="Model file to import into this model"
          data-testid="import-into-model"
          tabIndex={-1}
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
      )}
      {pending && (
        <Modal title="Replace this model?" onClose={() => setPending(null)} testId="confirm-import">
          <p>
            Replace the {model.nodes.length} cards of this model with the {pending.nodeCount} cards
            of <strong>{pending.name}</strong>? Everyone here sees the change.
          </p>
          <div className="modal-actions">
            <button type="button" className="link-button" onClick={() => setPending(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void replace(pending)}
            >
              Replace
            </button>
          </div>
        </Modal>
      )}
      {errors && (
        <div className="export-popover import-errors" role="alert" data-testid="import-errors">
          <strong>
            {errors.name} cannot be imported ({errors.list.length}{" "}
            {errors.list.length === 1 ? "problem" : "problems"}); nothing was changed:
          </strong>
          <ul>
            {errors.list.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of problems
              <li key={i}>
                {e.path ? <code>{e.path}</code> : "The file"} {e.message}
              </li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={() => setErrors(null)}>
            Close
          </button>
        </div>
      )}
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
  return { actions, overlays };
}
