import { type FileError, parseModelFile } from "@logic-canvas/shared";
import { useState } from "react";
import type { YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import { importIntoModel } from "./model-file.ts";

/** A model file that was read and checked, waiting for the person to confirm the replace. */
export type PendingImport = { name: string; text: string; nodeCount: number; checkIns?: string[] };
/** Why a file cannot be imported: its name and every problem found. */
export type ImportErrors = { name: string; list: FileError[] };

/**
 * Importing a model file into the open model: read and check it (`choose`), then, once confirmed,
 * have the server replace the content (`replace`) and apply the file's check-in dates here.
 */
export function useModelImport(options: {
  binding: YjsFlowBinding;
  checkIns: string[];
  modelId: string;
  token: string;
  setBusy: (busy: boolean) => void;
  setMessage: (message: string) => void;
}) {
  const { binding, checkIns, setBusy, setMessage } = options;
  const [errors, setErrors] = useState<ImportErrors | null>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);

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

  async function replace(p: PendingImport) {
    setBusy(true);
    const result = await importIntoModel(options.modelId, options.token, p.text);
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

  return { errors, setErrors, pending, setPending, choose, replace };
}
