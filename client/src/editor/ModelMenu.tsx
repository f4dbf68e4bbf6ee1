import { MODEL_ACTION_ROLE, roleAtLeast } from "@logic-canvas/shared";
import { useEffect, useRef, useState } from "react";
import { duplicateModel, openLink } from "../app/api.ts";
import { ApiError } from "../app/json-api.ts";
import { rememberModel, renameRemembered } from "../app/local-store.ts";
import { DeleteModelDialog } from "./DeleteModelDialog.tsx";

/**
 * The model as a whole, in the top bar: duplicate it (editors and owners; the server checks),
 * delete it (owners), and the name this person is shown under (everyone; optional for viewers).
 */
export function ModelMenu(props: {
  modelId: string;
  token: string;
  role: string;
  title: string;
  displayName: string;
  onAskName: () => void;
}) {
  const { modelId, token, role, title } = props;
  const [open, setOpen] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [message, setMessage] = useState("");
  const root = useRef<HTMLDivElement>(null);

  // A rename made here or by someone else shows in this browser's list of models.
  useEffect(() => renameRemembered(modelId, title), [modelId, title]);
  useEffect(() => {
    if (!open) return;
    const away = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onEscape = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    document.addEventListener("pointerdown", away);
    document.addEventListener("keydown", onEscape);
    return () => {
      document.removeEventListener("pointerdown", away);
      document.removeEventListener("keydown", onEscape);
    };
  }, [open]);

  async function duplicate() {
    setOpen(false);
    setMessage("Making a copy…");
    try {
      const copy = await duplicateModel(modelId, token);
      rememberModel({ id: copy.id, title: copy.title, role: "owner", link: copy.links.owner });
      openLink(copy.links.owner);
    } catch (error) {
      setMessage(
        `The copy could not be made: ${error instanceof ApiError ? error.message : String(error)}`,
      );
    }
  }

  const choose = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  return (
    <div className="model-menu" ref={root}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
        data-testid="model-menu"
      >
        Model ▾
      </button>
      {open && (
        <div className="model-menu-list" role="menu" aria-label="Model">
          <button type="button" role="menuitem" onClick={choose(props.onAskName)}>
            {props.displayName ? `Your name: ${props.displayName}…` : "Set your name…"}
          </button>
          {roleAtLeast(role, MODEL_ACTION_ROLE.duplicate) && (
            <button type="button" role="menuitem" onClick={() => void duplicate()}>
              Duplicate
            </button>
          )}
          {roleAtLeast(role, MODEL_ACTION_ROLE.delete) && (
            <button
              type="button"
              role="menuitem"
              className="danger"
              onClick={choose(() => setConfirmDelete(true))}
            >
              Delete model…
            </button>
          )}
        </div>
      )}
      {message && (
        <span className="model-menu-message" role="status">
          {message}
        </span>
      )}
      {confirmDelete && (
        <DeleteModelDialog
          modelId={modelId}
          token={token}
          title={title}
          onClose={() => setConfirmDelete(false)}
        />
      )}
    </div>
  );
}
