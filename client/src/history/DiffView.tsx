import type {
  FieldChange,
  LogicEdge,
  LogicModel,
  LogicNode,
  ModelDiff,
} from "@logic-canvas/shared";
import type { ReactNode } from "react";
import { fieldWord } from "./activity-words.ts";

function show(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "string") return value;
  if (typeof value === "object" && value && "x" in value && "y" in value) {
    const p = value as { x: number; y: number };
    return `(${Math.round(p.x)}, ${Math.round(p.y)})`;
  }
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? "" : "s"}`;
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${show(v)}`)
      .join(", ");
  }
  return String(value);
}

function Fields({ fields }: { fields: FieldChange[] }) {
  return (
    <ul className="diff-fields">
      {fields.map((f) => (
        <li key={f.field}>
          <span className="diff-field">{fieldWord(f.field)}</span>: <del>{show(f.before)}</del> →{" "}
          <ins>{show(f.after)}</ins>
        </li>
      ))}
    </ul>
  );
}

/** How many changes `diff` lists, of every kind. */
function changeCount(diff: ModelDiff): number {
  return (
    diff.meta.length +
    diff.nodesAdded.length +
    diff.nodesRemoved.length +
    diff.nodesChanged.length +
    diff.edgesAdded.length +
    diff.edgesRemoved.length +
    diff.edgesChanged.length
  );
}

/** One kind of change (cards added, links changed…), with its count; nothing when empty. */
function DiffSection<T extends { id: string }>(props: {
  className: string;
  title: string;
  items: T[];
  render: (item: T) => ReactNode;
}) {
  const { items } = props;
  if (items.length === 0) return null;
  return (
    <section className={props.className}>
      <h4>
        {props.title} ({items.length})
      </h4>
      <ul>
        {items.map((item) => (
          <li key={item.id}>{props.render(item)}</li>
        ))}
      </ul>
    </section>
  );
}

/**
 * What changed from a version to the model now. Link ends are named from both states, so a link
 * to a card that no longer exists is still described.
 */
export function DiffView({
  diff,
  label,
  model,
}: {
  diff: ModelDiff;
  label: string;
  model?: LogicModel;
}) {
  const titles = new Map<string, string>((model?.nodes ?? []).map((n) => [n.id, n.title]));
  for (const n of [...diff.nodesRemoved, ...diff.nodesAdded]) titles.set(n.id, n.title);
  for (const c of diff.nodesChanged) titles.set(c.id, c.after.title);
  const linkText = (e: LogicEdge) =>
    `${titles.get(e.source) ?? "a card"} → ${titles.get(e.target) ?? "a card"}`;
  const nodeText = (n: LogicNode) => `${n.title} (${n.kind})`;
  const nothing = changeCount(diff) === 0;
  return (
    <div className="diff-view" data-testid="version-diff">
      <p className="small">
        From “{label}” to the model as it is now{nothing ? ": nothing changed." : ":"}
      </p>
      {diff.meta.length > 0 && (
        <section>
          <h4>Model</h4>
          <Fields fields={diff.meta} />
        </section>
      )}
      <DiffSection
        className="diff-added"
        title="Cards added"
        items={diff.nodesAdded}
        render={nodeText}
      />
      <DiffSection
        className="diff-removed"
        title="Cards removed"
        items={diff.nodesRemoved}
        render={nodeText}
      />
      <DiffSection
        className="diff-changed"
        title="Cards changed"
        items={diff.nodesChanged}
        render={(c) => (
          <>
            <strong>{c.after.title}</strong>
            <Fields fields={c.fields} />
          </>
        )}
      />
      <DiffSection
        className="diff-added"
        title="Links added"
        items={diff.edgesAdded}
        render={linkText}
      />
      <DiffSection
        className="diff-removed"
        title="Links removed"
        items={diff.edgesRemoved}
        render={linkText}
      />
      <DiffSection
        className="diff-changed"
        title="Links changed"
        items={diff.edgesChanged}
        render={(c) => (
          <>
            {linkText(c.after)}
            <Fields fields={c.fields} />
          </>
        )}
      />
    </div>
  );
}
