import { MODEL_ACTION_ROLE, roleAtLeast } from "@logic-canvas/shared";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
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
    const onEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      root.current?.querySelector<HTMLElement>("[aria-haspopup=menu]")?.focus();
    };
    // A menu opened takes the focus to its first item; arrows move between items.
    root.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
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

  function moveFocus(event: KeyboardEvent) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const items = [...(root.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const step = event.key === "ArrowDown" ? 1 : -1;
    items[(at + step + items.length) % items.length]?.focus();
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
        <div className="model-menu-list" role="menu" aria-label="Model" onKeyDown={moveFocus}>
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
