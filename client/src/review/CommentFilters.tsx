import { type LogicModel, THREAD_TYPES, type ThreadType } from "@logic-canvas/shared";
import type { StatusFilter, ThreadFilter } from "./thread-filters.ts";
import { THREAD_TYPE_LABEL } from "./thread-labels.ts";

/** The comments panel's filters: status, kind, card (or whole model / detached), mentions me. */
export function CommentFilters(props: {
  filter: ThreadFilter;
  onChange: (patch: Partial<ThreadFilter>) => void;
  nodes: LogicModel["nodes"];
}) {
  const { filter, onChange } = props;
  return (
    <div className="comment-filters">
      <select
        aria-label="Status"
        value={filter.status}
        onChange={(e) => onChange({ status: e.target.value as StatusFilter })}
      >
        <option value="open">Open</option>
        <option value="resolved">Resolved</option>
        <option value="all">Open and resolved</option>
      </select>
      <select
        aria-label="Type"
        value={filter.type}
        onChange={(e) => onChange({ type: e.target.value as ThreadType | "all" })}
      >
        <option value="all">All types</option>
        {THREAD_TYPES.map((t) => (
          <option key={t} value={t}>
            {THREAD_TYPE_LABEL[t]}
          </option>
        ))}
      </select>
      <select
        aria-label="Card"
        value={filter.node}
        onChange={(e) => onChange({ node: e.target.value })}
      >
        <option value="all">Everywhere</option>
        <option value="model">Whole model</option>
        <option value="detached">Detached</option>
        {props.nodes.map((n) => (
          <option key={n.id} value={n.id}>
            {n.title.slice(0, 40) || "(untitled)"}
          </option>
        ))}
      </select>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={filter.mine}
          onChange={(e) => onChange({ mine: e.target.checked })}
        />
        Mentions me
      </label>
    </div>
  );
}
