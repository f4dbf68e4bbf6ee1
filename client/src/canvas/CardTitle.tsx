import { titleProblem } from "@logic-canvas/shared";
import { useEffect, useState } from "react";
import { useBinding } from "./actions-context.ts";
import { focusCard } from "./card-navigation.ts";
import { useReadOnly } from "./read-only.ts";
import { takeTitleEdit, useTitleEditRequested } from "./title-edit.ts";

/**
 * A card's title, shown or edited in place. Its own component so that the edit state (draft,
 * editing, the reason a draft cannot be saved) lives apart from the card's frame and badges.
 */
export function CardTitle({ id, title }: { id: string; title: string }) {
  const binding = useBinding();
  const readOnly = useReadOnly();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(title);
  const editRequested = useTitleEditRequested(id);

  // A card just created, or one Enter was pressed on, opens its title with the text selected, so
  // what the person types replaces "New input" instead of going to the page's shortcuts.
  useEffect(() => {
    if (!editRequested) return;
    takeTitleEdit(id);
    if (readOnly) return;
    setDraft(title);
    setEditing(true);
  }, [editRequested, id, readOnly, title]);

  function commit() {
    // Too long to save: the card stays in edit mode with the reason, nothing is cut.
    if (titleProblem(draft)) return;
    setEditing(false);
    const next = draft.trim();
    if (next && next !== title) binding.updateNode(id, { title: next });
  }

  if (!editing)
    return (
      // biome-ignore lint/a11y/noStaticElementInteractions: the side panel's title field is the keyboard path
      <div
        className="card-title"
        onDoubleClick={(e) => {
          if (readOnly) return;
          e.stopPropagation();
          setDraft(title);
          setEditing(true);
        }}
        title={readOnly ? title : `${title}\n\nDouble-click to edit`}
      >
        {title}
      </div>
    );
  return (
    <>
      {titleProblem(draft) && (
        <p className="card-title-problem" role="alert">
          {titleProblem(draft)}
        </p>
      )}
      <textarea
        className="card-title-input nodrag"
        aria-label="Card title"
        // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this title
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === "Enter" && !e.shiftKey) {
            e.preventDefault();
            commit();
            focusCard(id);
          } else if (e.key === "Escape") {
            setEditing(false);
            focusCard(id);
          }
        }}
      />
    </>
  );
}
