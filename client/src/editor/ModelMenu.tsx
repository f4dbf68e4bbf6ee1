import { MODEL_ACTION_ROLE, roleAtLeast } from "@logic-canvas/shared";
import { useEffect, useState } from "react";
import { duplicateModel, openLink } from "../app/api.ts";
import { ApiError } from "../app/json-api.ts";
import { rememberModel, renameRemembered } from "../app/local-store.ts";
import { MenuButton, type MenuItem } from "../ui/MenuButton.tsx";
import { DeleteModelDialog } from "./DeleteModelDialog.tsx";

/**
 * The model as a whole, in the top bar: duplicate it (editors and owners; the server checks),
 * delete it (owners), and the name this person is shown under (everyone; optional for viewers;
 * not offered to a signed-in person, who is shown under their account's name).
 */
export function ModelMenu(props: {
  modelId: string;
  token: string;
  role: string;
  title: string;
  displayName: string;
  /** Undefined for a signed-in person: their name is their account's. */
  onAskName: (() => void) | undefined;
}) {
  const { modelId, token, role, title } = props;
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [message, setMessage] = useState("");

  // A rename made here or by someone else shows in this browser's list of models.
  useEffect(() => renameRemembered(modelId, title), [modelId, title]);

  async function duplicate() {
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

  const items: MenuItem[] = [];
  const askName = props.onAskName;
  if (askName)
    items.push({
      id: "name",
      label: props.displayName ? `Your name: ${props.displayName}…` : "Set your name…",
      onSelect: askName,
    });
  if (roleAtLeast(role, MODEL_ACTION_ROLE.duplicate))
    items.push({ id: "duplicate", label: "Duplicate", onSelect: () => void duplicate() });
  if (roleAtLeast(role, MODEL_ACTION_ROLE.delete))
    items.push({
      id: "delete",
      label: "Delete model…",
      danger: true,
      onSelect: () => setConfirmDelete(true),
    });
  return (
    <div className="model-menu">
      {/* A signed-in commenter or viewer has nothing to do here: no empty menu. */}
      {items.length > 0 && (
        <MenuButton label="Model" items={items} testId="model-menu" align="start" />
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
