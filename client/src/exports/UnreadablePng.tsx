import { Modal } from "../ui/Modal.tsx";

/** What the PNG of a large model would be, in the words the dialog uses. */
export interface TooSmallPng {
  width: number;
  height: number;
  titlePx: number;
  cards: number;
}

const n = (x: number) => x.toLocaleString("en");

/**
 * Asked before a PNG too small to read is made: a picture of every card of a large model fits a
 * browser's canvas only shrunk until its titles are a few pixels high. The SVG keeps every title
 * sharp at any zoom and the print view splits the model into pages; the PNG is still there for
 * whoever wants the model's shape on a slide.
 */
export function UnreadablePngDialog(props: {
  image: TooSmallPng;
  /** The SVG instead, the print view, or the PNG anyway. */
  onChoose: (choice: "svg" | "print" | "png") => void;
  onCancel: () => void;
}) {
  const { image } = props;
  return (
    <Modal title="Too large for a readable PNG" onClose={props.onCancel} testId="unreadable-png">
      <p>
        A PNG of all {n(image.cards)} cards would be {n(image.width)} × {n(image.height)} pixels,
        with titles about {image.titlePx} pixels high: too small to read.
      </p>
      <p>
        An SVG drawing keeps every title sharp at any zoom, and the print view splits the model into
        pages.
      </p>
      <div className="modal-actions">
        <button type="button" className="link-button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" onClick={() => props.onChoose("png")}>
          Export the PNG anyway
        </button>
        <button type="button" onClick={() => props.onChoose("print")}>
          Open the print view
        </button>
        <button
          type="button"
          className="primary"
          data-autofocus
          onClick={() => props.onChoose("svg")}
        >
          Export as SVG instead
        </button>
      </div>
    </Modal>
  );
}
