import type { ShownNotice } from "./editor-hooks.ts";

/** The binding's notices (a refused change, a limit reached), read out as they appear. */
export function Toasts({ notices }: { notices: ShownNotice[] }) {
  return (
    <div className="toasts" aria-live="assertive">
      {notices.map((n) => (
        <div key={n.id} className={`toast toast-${n.kind}`} role="alert">
          {n.message}
        </div>
      ))}
    </div>
  );
}
