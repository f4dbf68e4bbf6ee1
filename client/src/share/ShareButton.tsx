import { visibleLinkRoles } from "@logic-canvas/shared";
import { useState } from "react";
import { editorRoute } from "../app/routes.ts";
import type { Peer } from "../collab/presence.ts";
import { ShareDialog } from "./ShareDialog.tsx";

/**
 * The top bar's Share button and its dialog. Only a role with links to pass on (owner, editor)
 * gets it; the server refuses the others anyway.
 */
export function ShareButton(props: { modelId: string; role: string; peers: Peer[] }) {
  const [open, setOpen] = useState(false);
  if (visibleLinkRoles(props.role).length === 0) return null;
  const token = editorRoute(window.location)?.token ?? "";
  return (
    <>
      <button
        type="button"
        className="primary share-button"
        onClick={() => setOpen(true)}
        data-testid="share-button"
      >
        Share
      </button>
      {open && (
        <ShareDialog
          access={{ modelId: props.modelId, token }}
          role={props.role}
          peers={props.peers}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
