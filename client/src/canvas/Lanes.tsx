import { KIND_LABELS, LANE_WIDTH, NODE_KINDS, type NodeKind } from "@logic-canvas/shared";
import { type ReactFlowState, useStore } from "@xyflow/react";
import { Fragment, type RefObject, useLayoutEffect, useRef, useState } from "react";
import { useLaneNote } from "./card-marks.ts";

/**
 * The viewport's sideways offset and zoom, not its vertical offset: lanes run the whole height,
 * so panning down the lanes (the common pan of a tall model) re-renders neither the lane
 * backgrounds nor the headers.
 */
const sideways = (s: ReactFlowState) => `${s.transform[0]}:${s.transform[2]}`;
function useSideways(): { x: number; zoom: number } {
  const [x = 0, zoom = 1] = useStore(sideways).split(":").map(Number);
  return { x, zoom };
}

/** The five lane backgrounds, behind the pane, following the viewport sideways. */
export function LaneBackgrounds() {
  const { x, zoom } = useSideways();
  return (
    <div
      className="lanes"
      aria-hidden="true"
      style={{ transform: `translate(${x}px, 0) scale(${zoom}, 1)`, transformOrigin: "0 0" }}
    >
      {NODE_KINDS.map((kind, column) => (
        <div
          key={kind}
          className={`lane lane-${kind}`}
          style={{ left: column * LANE_WIDTH, width: LANE_WIDTH }}
        />
      ))}
    </div>
  );
}

/**
 * How a lane header reads at a given width, widest first: its name with the other name it goes
 * by, its name, its short name, or only its colour (zoomed far out, where words would collide).
 */
const FITS = ["full", "label", "short", "none"] as const;
type Fit = (typeof FITS)[number];
/**
 * Room a header takes besides its words, in pixels: padding 2 × 8, gap 6, the + button 24 and
 * its margin 2 (canvas.css), and 4 to spare for rounding.
 */
const CHROME = 52;

/** The widths of each lane's words, measured once from hidden copies in the same font. */
function useWordWidths(): [RefObject<HTMLDivElement | null>, Map<string, number>] {
  const ref = useRef<HTMLDivElement>(null);
  const [widths, setWidths] = useState(new Map<string, number>());
  useLayoutEffect(() => {
    const measure = () => {
      const found = new Map<string, number>();
      for (const el of ref.current?.querySelectorAll<HTMLElement>("[data-measure]") ?? [])
        found.set(el.dataset.measure ?? "", el.getBoundingClientRect().width);
      setWidths(found);
    };
    measure();
    // Web fonts may arrive after the first paint and change every width.
    void document.fonts?.ready.then(measure);
  }, []);
  return [ref, widths];
}

/** Pixels a header needs to show its name in `fit`'s words (infinite while not measured). */
function needsFor(kind: NodeKind, fit: Fit, widths: Map<string, number>): number {
  return (widths.get(`${kind}:${fit}`) ?? Number.POSITIVE_INFINITY) + CHROME;
}

/** The widest wording that fits `room`. */
function fitFor(kind: NodeKind, room: number, widths: Map<string, number>): Fit {
  if (widths.size === 0) return "label";
  return FITS.find((fit) => fit === "none" || needsFor(kind, fit, widths) <= room) ?? "none";
}

/**
 * Lane headers sit in a band above the canvas, not over it, so they never cover a card; they
 * follow the canvas sideways and name each lane in the words that fit its width.
 */
export function LaneHeaders({ onAdd }: { onAdd?: (kind: NodeKind) => void }) {
  const { x, zoom } = useSideways();
  const [measures, widths] = useWordWidths();
  return (
    <div className="lane-headers">
      <div className="lane-measures" ref={measures} aria-hidden="true">
        {NODE_KINDS.map((kind) => {
          const info = KIND_LABELS[kind];
          return (
            <Fragment key={kind}>
              <span className="lane-name" data-measure={`${kind}:full`}>
                {info.label}
                <span className="lane-also"> {info.alsoCalled}</span>
              </span>
              <span className="lane-name" data-measure={`${kind}:label`}>
                {info.label}
              </span>
              <span className="lane-name" data-measure={`${kind}:short`}>
                {info.short}
              </span>
            </Fragment>
          );
        })}
      </div>
      {NODE_KINDS.map((kind, column) => (
        <LaneHeader
          key={kind}
          kind={kind}
          column={column}
          left={x + column * LANE_WIDTH * zoom}
          width={LANE_WIDTH * zoom}
          widths={widths}
          onAdd={onAdd}
        />
      ))}
    </div>
  );
}

/** Room around the lane note: the header's gap 6 and the note's left margin 4 (canvas.css). */
const NOTE_GAP = 10;

/**
 * "2 of 5 shown" → "2/5", "All hidden" → "0 shown": the note in few characters, for a lane too
 * narrow for its name and the whole sentence (the sentence stays in the note's title and for
 * screen readers).
 */
function compactNote(note: string): string {
  const counts = /^(\d+) of (\d+) shown$/.exec(note);
  if (counts) return `${counts[1]}/${counts[2]}`;
  return note === "All hidden" ? "0 shown" : note;
}

/** How the note reads beside the name: the sentence, its compact form, or only in its title. */
type NoteFit = "full" | "compact" | "none";

/**
 * The lane's name comes first: with a note, the other name goes, then the note shortens, then
 * the name does; the short name stays (the note only in its title) while words fit at all.
 */
const WITH_NOTE: [Fit, NoteFit][] = [
  ["label", "full"],
  ["label", "compact"],
  ["short", "full"],
  ["short", "compact"],
  ["short", "none"],
];

function fitWithNote(
  kind: NodeKind,
  width: number,
  widths: Map<string, number>,
  note: { full: number; compact: number } | null,
): [Fit, NoteFit] {
  if (!note) return [fitFor(kind, width, widths), "none"];
  if (widths.size === 0) return ["label", "full"];
  const noteRoom = (noteFit: NoteFit) => (noteFit === "none" ? 0 : note[noteFit] + NOTE_GAP);
  return (
    WITH_NOTE.find(
      ([fit, noteFit]) => needsFor(kind, fit, widths) + noteRoom(noteFit) <= width,
    ) ?? ["none", "none"]
  );
}

/** The widths of a lane note's sentence and compact form, from hidden copies beside it. */
function useNoteWidths(note: string) {
  const ref = useRef<HTMLSpanElement>(null);
  const [widths, setWidths] = useState<{ full: number; compact: number } | null>(null);
  useLayoutEffect(() => {
    // Measured from copies that never change with the fit chosen, so a new fit never asks for
    // a new measure.
    const measure = () => {
      const [full, compact] = Array.from(
        ref.current?.children ?? [],
        (el) => el.getBoundingClientRect().width,
      );
      setWidths(note ? { full: full ?? 0, compact: compact ?? 0 } : null);
    };
    measure();
    void document.fonts?.ready.then(measure);
  }, [note]);
  return [ref, widths] as const;
}

function LaneHeader(props: {
  kind: NodeKind;
  column: number;
  left: number;
  width: number;
  widths: Map<string, number>;
  onAdd?: (kind: NodeKind) => void;
}) {
  const { kind, column, width, onAdd } = props;
  const info = KIND_LABELS[kind];
  // While a filter or a traced chain hides cards, the header says how many of its cards show;
  // the lane's name stays and the note shortens ("2/5") where both would not fit.
  const note = useLaneNote(kind);
  const compact = compactNote(note);
  const [noteMeasures, noteWidths] = useNoteWidths(note);
  const [fit, noteFit] = fitWithNote(kind, width, props.widths, note ? noteWidths : null);
  return (
    <div
      className={`lane-header lane-${kind} fit-${fit}${note ? " is-filtered" : ""}`}
      style={{ left: props.left, width }}
      data-testid={`lane-header-${kind}`}
    >
      <button
        type="button"
        className="lane-name"
        // Named by its words where they are whole; by its full name where they are cut.
        aria-label={fit === "short" || fit === "none" ? info.label : undefined}
        aria-describedby={`lane-tip-${kind}`}
      >
        {fit === "short" ? info.short : fit === "none" ? "" : info.label}
        {fit === "full" && <span className="lane-also"> {info.alsoCalled}</span>}
      </button>
      {note && (
        <span className="lane-also lane-note" title={note}>
          {noteFit === "full" ? (
            note
          ) : (
            <>
              {noteFit === "compact" && <span aria-hidden="true">{compact}</span>}
              <span className="visually-hidden">{note}</span>
            </>
          )}
        </span>
      )}
      {note && (
        <span className="lane-note-measures" ref={noteMeasures} aria-hidden="true">
          <span className="lane-also lane-note">{note}</span>
          <span className="lane-also lane-note">{compact}</span>
        </span>
      )}
      <span role="tooltip" id={`lane-tip-${kind}`} className="lane-tip">
        {info.label} ({info.alsoCalled}): {info.explains}
      </span>
      {onAdd && fit !== "none" && (
        <button
          type="button"
          className="lane-add"
          aria-label={`Add to ${info.label}`}
          title={`Add to ${info.label} (N, ${column + 1})`}
          onClick={() => onAdd(kind)}
        >
          +
        </button>
      )}
    </div>
  );
}
