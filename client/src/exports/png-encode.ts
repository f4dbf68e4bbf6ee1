import type { ModelLayout } from "./model-layout.ts";

export interface PngJob {
  layout: ModelLayout;
  width: number;
  height: number;
  scale: number;
}
export type PngResult = { blob: Blob } | { error: string };

/**
 * A worker that draws and encodes the PNG of a laid-out model (`png-worker.ts`), started before
 * the model is laid out so that its script loads while the page measures the titles; undefined
 * when this browser has no OffscreenCanvas or the worker cannot start, and the caller draws on
 * the page instead. A worker per export: an export is rare, and a finished worker holds no memory.
 */
export function startPngWorker():
  | { encode: (job: PngJob) => Promise<Blob>; stop: () => void }
  | undefined {
  if (typeof OffscreenCanvas === "undefined" || typeof Worker === "undefined") return undefined;
  let worker: Worker;
  try {
    worker = new Worker(new URL("./png-worker.ts", import.meta.url), { type: "module" });
  } catch {
    return undefined;
  }
  let failed: string | undefined;
  worker.onerror = (event) => {
    failed = event.message || "the image could not be drawn.";
  };
  const encode = (job: PngJob) =>
    new Promise<Blob>((resolve, reject) => {
      if (failed) {
        worker.terminate();
        reject(new Error(failed));
        return;
      }
      worker.onmessage = (event: MessageEvent<PngResult>) => {
        worker.terminate();
        const result = event.data;
        if ("blob" in result) resolve(result.blob);
        else reject(new Error(result.error));
      };
      worker.onerror = (event) => {
        worker.terminate();
        reject(new Error(event.message || "the image could not be drawn."));
      };
      worker.postMessage(job);
    });
  return { encode, stop: () => worker.terminate() };
}
