import {
  type FieldChange,
  fieldWord,
  INNOVATION_STAGE_LABELS,
  KIND_LABELS,
  type LogicEdge,
  type LogicModel,
  type LogicNode,
  type ModelDiff,
  NODE_KINDS,
} from "@logic-canvas/shared";
import type { ReactNode } from "react";
import { formatDay } from "../ui/dates.ts";

const isKind = (value: unknown): value is LogicNode["kind"] =>
  (NODE_KINDS as readonly unknown[]).includes(value);
const isStage = (value: unknown): value is keyof typeof INNOVATION_STAGE_LABELS =>
  typeof value === "string" && Object.hasOwn(INNOVATION_STAGE_LABELS, value);

/** A field's value in the words the rest of the app uses: lane names, stages, dates. */
function show(value: unknown, field = ""): string {
  if (value === undefined || value === null || value === "") return "—";
  if (field === "kind" && isKind(value)) return KIND_LABELS[value].one;
  if (field === "stage" && isStage(value)) return INNOVATION_STAGE_LABELS[value];
  if (typeof value === "string")
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value) : value;
  if (typeof value === "object" && value && "x" in value && "y" in value) {
    const p = value as { x: number; y: number };
    return `(${Math.round(p.x)}, ${Math.round(p.y)})`;
  }
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? "" : "s"}`;
  if (typeof value === "object") {
    const { value: number, date, ...rest } = value as Record<string, unknown>;
    // A baseline or target: "40 (15 Sep 2026)".
    if (typeof number === "number" && Object.keys(rest).length === 0)
      return typeof date === "string" ? `${number} (${formatDay(date)})` : String(number);
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${fieldWord(k)}: ${show(v, k)}`)
      .join(", ");
  }
  return String(value);
}

/** A link's ends are card ids in the diff; a reader knows the cards by their titles. */
function Fields({ fields, titles }: { fields: FieldChange[]; titles?: Map<string, string> }) {
  const word = (value: unknown, field: string) =>
    titles && (field === "source" || field === "target") && typeof value === "string"
      ? (titles.get(value) ?? "a card")
      : show(value, field);
  return (
    <ul className="diff-fields">
      {fields.map((f) => (
        <li key={f.field}>
          <span className="diff-field">{fieldWord(f.field)}</span>:{" "}
          <del>{word(f.before, f.field)}</del> → <ins>{word(f.after, f.field)}</ins>
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
  const nodeText = (n: LogicNode) => `${n.title} (${KIND_LABELS[n.kind].one})`;
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
            <Fields fields={c.fields} titles={titles} />
          </>
        )}
      />
    </div>
  );
}
