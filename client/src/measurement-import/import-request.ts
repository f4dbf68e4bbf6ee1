/**
 * Opens the measurement import from elsewhere than the toolbar (the Progress view's button), the
 * way the History panel opens a World Café session: a leaf module, so neither imports the other.
 */
const listeners = new Set<() => void>();

export function requestMeasurementImport(): void {
  for (const listener of listeners) listener();
}

export function onMeasurementImportRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
