import { MODEL_ACTION_ROLE, roleAtLeast } from "@logic-canvas/shared";
import { lazy, useEffect, useState } from "react";
import { duplicateModel, openLink } from "../app/api.ts";
import { ApiError } from "../app/json-api.ts";
import { rememberModel, renameRemembered } from "../app/local-store.ts";
import { LoadedPart } from "../ui/LoadedPart.tsx";
import { MenuButton, type MenuItem } from "../ui/MenuButton.tsx";
import { postToGallery } from "../workspaces/gallery-api.ts";
import { galleryHref } from "../workspaces/routes.ts";

// Loaded when the owner asks to delete, not before the first cards.
const DeleteModelDialog = lazy(() =>
  import("./DeleteModelDialog.tsx").then((m) => ({ default: m.DeleteModelDialog })),
);

/**
 * The model as a whole, in the top bar: duplicate it (editors and owners; the server checks),
 * post it to the gallery of the workspace above (owners), delete it (owners), and the name this
 * person is shown under (everyone; optional for viewers; not offered to a signed-in person, who
 * is shown under their account's name).
 */
interface ModelMenuProps {
  modelId: string;
  token: string;
  role: string;
  title: string;
  displayName: string;
  /** Undefined for a signed-in person: their name is their account's. */
  onAskName: (() => void) | undefined;
}

export function ModelMenu(props: ModelMenuProps) {
  const { modelId, token, title } = props;
  const [confirmDelete, setConfirmDelete] = useState(false);
  const actions = useModelActions(modelId, token);
  const { message, copied, posted } = actions;

  // A rename made here or by someone else shows in this browser's list of models.
  useEffect(() => renameRemembered(modelId, title), [modelId, title]);

  const items = menuItems(props, actions, () => setConfirmDelete(true));
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
      {posted && (
        <span className="model-menu-message" role="status" data-testid="gallery-posted">
          Posted to the gallery of “{posted.name}”: members of the workspaces beside yours may
          comment. <a href={posted.href}>Open the gallery</a>
        </span>
      )}
      {copied && (
        <span className="model-menu-message" role="status" data-testid="copy-notice">
          {copied.notice} <a href={copied.link}>Open the copy</a>
        </span>
      )}
      {confirmDelete && (
        <LoadedPart fallback={null}>
          <DeleteModelDialog
            modelId={modelId}
            token={token}
            title={title}
            onClose={() => setConfirmDelete(false)}
          />
        </LoadedPart>
      )}
    </div>
  );
}

/** The menu's entries for this person's role, in the order they are shown. */
function menuItems(
  props: ModelMenuProps,
  actions: ModelActions,
  askDelete: () => void,
): MenuItem[] {
  const { role } = props;
  const items: MenuItem[] = [];
  const askName = props.onAskName;
  if (askName)
    items.push({
      id: "name",
      label: props.displayName ? `Your name: ${props.displayName}…` : "Set your name…",
      onSelect: askName,
    });
  if (roleAtLeast(role, MODEL_ACTION_ROLE.duplicate))
    items.push({ id: "duplicate", label: "Duplicate", onSelect: () => void actions.duplicate() });
  // The owner posts, as on the gallery page; the server says why when there is no gallery.
  if (role === "owner")
    items.push({ id: "post", label: "Post to the gallery", onSelect: () => void actions.post() });
  if (roleAtLeast(role, MODEL_ACTION_ROLE.delete))
    items.push({ id: "delete", label: "Delete model…", danger: true, onSelect: askDelete });
  return items;
}

type ModelActions = ReturnType<typeof useModelActions>;

/** Duplicate and post to the gallery, with what each says back to the person. */
function useModelActions(modelId: string, token: string) {
  const [message, setMessage] = useState("");
  const [copied, setCopied] = useState<{ link: string; notice: string } | null>(null);
  const [posted, setPosted] = useState<{ href: string; name: string } | null>(null);

  async function duplicate() {
    setMessage("Making a copy…");
    try {
      const copy = await duplicateModel(modelId, token);
      rememberModel({ id: copy.id, title: copy.title, role: "owner", link: copy.links.owner });
      // Something was left out of the copy: say what before the person goes to it.
      if (copy.notice) {
        setMessage("");
        const url = new URL(copy.links.owner, window.location.href);
        // Same origin as this page, as openLink does, whatever host the server put in its links.
        setCopied({ link: `${url.pathname}${url.hash}`, notice: copy.notice });
        return;
      }
      openLink(copy.links.owner);
    } catch (error) {
      setMessage(
        `The copy could not be made: ${error instanceof ApiError ? error.message : String(error)}`,
      );
    }
  }

  /** To the gallery of the workspace above the model's, where sibling teams may comment. */
  async function post() {
    setPosted(null);
    setMessage("Posting to the gallery…");
    try {
      const answer = await postToGallery(modelId, token || undefined);
      setMessage("");
      setPosted({ href: galleryHref(answer.galleryId), name: answer.galleryName ?? "the gallery" });
    } catch (error) {
      setMessage(
        `The model could not be posted: ${error instanceof ApiError ? error.message : String(error)}`,
      );
    }
  }

  return { message, copied, posted, duplicate, post };
}
