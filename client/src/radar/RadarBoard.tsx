import {
  INNOVATION_STAGE_LABELS,
  INNOVATION_STAGES,
  initialsOf,
  type LogicNode,
  OVERLOAD_REASON,
  type Overload,
  overloads,
  type RadarItem,
  radarColumns,
} from "@logic-canvas/shared";
import { useEffect, useRef, useState } from "react";
import "../plans/plans.css";
import "./radar.css";

type Stage = NonNullable<LogicNode["stage"]>;
/** The board's columns: the activities not yet sorted, then seed → compost. */
const ORDER: (Stage | null)[] = [null, ...INNOVATION_STAGES];

/** The stage one column left or right of the item's; undefined past either end. */
function stepped(item: RadarItem, step: -1 | 1): Stage | null | undefined {
  return ORDER[ORDER.indexOf(item.stage ?? null) + step];
}

const itemKey = (item: RadarItem) => `${item.modelId ?? ""}:${item.nodeId}`;

function columnTitle(stage: Stage | null): string {
  return stage ? INNOVATION_STAGE_LABELS[stage] : "Not sorted yet";
}

/** The overload warnings: who owns too many new changes at once, with the seed's reason. */
export function OverloadWarnings({ list }: { list: Overload[] }) {
  if (list.length === 0) return null;
  return (
    <section
      className="radar-overload"
      aria-labelledby="radar-overload-title"
      data-testid="overload"
    >
      <h2 id="radar-overload-title">Overload</h2>
      <ul>
        {list.map((o) => (
          <li key={`${o.kind}:${o.id}`}>
            <strong>{o.name}</strong> {o.kind === "team" ? "(team) has" : "owns"} {o.items.length}{" "}
            activities in blossom at once: {o.items.map((i) => `“${i.title}”`).join(", ")}.
          </li>
        ))}
      </ul>
      <p className="radar-reason">{OVERLOAD_REASON}</p>
    </section>
  );
}

/** A move that keeps the keyboard on the card it moved, now in its new column. */
function useMoveKeepingFocus(onMove?: (item: RadarItem, stage: Stage | null) => void) {
  const focusAfterMove = useRef<string | null>(null);
  const board = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const key = focusAfterMove.current;
    if (!key) return;
    focusAfterMove.current = null;
    board.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
  });
  const move = (item: RadarItem, stage: Stage | null) => {
    if ((item.stage ?? null) === stage || !onMove) return;
    focusAfterMove.current = itemKey(item);
    onMove(item, stage);
  };
  return { board, move };
}

/**
 * The innovation radar as columns seed → compost. With `onMove`, a card is dragged to another
 * column, or moved with ← and → when focused (the keyboard alternative); without, it only reads.
 */
export function RadarBoard({
  items,
  onMove,
  onOpen,
}: {
  items: RadarItem[];
  onMove?: (item: RadarItem, stage: Stage | null) => void;
  /** Opens the activity (on the canvas, or its model). */
  onOpen?: (item: RadarItem) => void;
}) {
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<Stage | null | undefined>(undefined);
  const { board, move } = useMoveKeepingFocus(onMove);
  const flagged = new Set(overloads(items).flatMap((o) => o.items.map(itemKey)));
  const byKey = new Map(items.map((i) => [itemKey(i), i]));

  return (
    <div className="radar-board" ref={board} data-testid="radar-board">
      {radarColumns(items).map(({ stage, items: inColumn }) => (
        <section
          key={stage ?? "none"}
          className={`radar-column stage-${stage ?? "none"}${over === stage && dragging ? " drop-target" : ""}`}
          aria-labelledby={`radar-col-${stage ?? "none"}`}
          data-stage={stage ?? "none"}
          onDragOver={(e) => {
            if (!dragging || !onMove) return;
            e.preventDefault();
            setOver(stage);
          }}
          onDragLeave={() => setOver(undefined)}
          onDrop={(e) => {
            e.preventDefault();
            const item = byKey.get(e.dataTransfer.getData("text/plain") || dragging || "");
            setDragging(null);
            setOver(undefined);
            if (item) move(item, stage);
          }}
        >
          <h2 id={`radar-col-${stage ?? "none"}`}>
            {columnTitle(stage)} <span className="radar-count">{inColumn.length}</span>
          </h2>
          <ul>
            {inColumn.map((item) => (
              <RadarCard
                key={itemKey(item)}
                item={item}
                overloaded={flagged.has(itemKey(item))}
                movable={!!onMove}
                onDragStart={() => setDragging(itemKey(item))}
                onDragEnd={() => {
                  setDragging(null);
                  setOver(undefined);
                }}
                onStep={(step) => {
                  const next = stepped(item, step);
                  if (next !== undefined) move(item, next);
                }}
                onOpen={onOpen}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function RadarCard(props: {
  item: RadarItem;
  overloaded: boolean;
  movable: boolean;
  onDragStart: () => void;
  onDragEnd: () => void;
  onStep: (step: -1 | 1) => void;
  onOpen?: (item: RadarItem) => void;
}) {
  const { item, overloaded, movable } = props;
  const key = itemKey(item);
  const where = columnTitle(item.stage ?? null).split(":")[0];
  return (
    <li>
      <button
        type="button"
        className={`radar-card${overloaded ? " overloaded" : ""}`}
        data-key={key}
        data-testid="radar-card"
        draggable={movable}
        aria-describedby="radar-keys"
        onDragStart={(e) => {
          e.dataTransfer.setData("text/plain", key);
          e.dataTransfer.effectAllowed = "move";
          props.onDragStart();
        }}
        onDragEnd={props.onDragEnd}
        onKeyDown={(e) => {
          if (movable && (e.key === "ArrowRight" || e.key === "ArrowLeft")) {
            e.preventDefault();
            props.onStep(e.key === "ArrowRight" ? 1 : -1);
          }
        }}
        onClick={() => props.onOpen?.(item)}
      >
        <span className="radar-title">{item.title}</span>
        <span className="visually-hidden">, {where}</span>
        <span className="radar-meta">
          {item.modelTitle && <span className="radar-model">{item.modelTitle}</span>}
          {item.owner && (
            <span className="badge plan-owner" title={`Owner: ${item.owner.name}`}>
              <span aria-hidden="true">{initialsOf(item.owner.name)}</span>
              <span className="visually-hidden">, owner {item.owner.name}</span>
            </span>
          )}
          {overloaded && <span className="badge radar-overloaded">Overload</span>}
        </span>
      </button>
    </li>
  );
}
