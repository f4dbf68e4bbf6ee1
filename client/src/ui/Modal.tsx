import "./modal.css";
import {
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type RefObject,
  useId,
  useLayoutEffect,
  useRef,
} from "react";
import { createPortal } from "react-dom";
import { firstFocus, focusOrigin, trapTab } from "./focus.ts";

/**
 * A modal dialog: the native `<dialog>` opened with `showModal()`, so the browser puts it in the
 * top layer and makes everything behind it inert (no clicks, no focus, hidden from assistive
 * technology). On top of that: focus moves in on open, Tab and Shift+Tab cycle inside (the native
 * dialog lets Tab leave to the browser's own toolbar), Escape or a click on the backdrop closes
 * it, and focus returns to what opened it.
 *
 * Rendered through a portal on `<body>` so that styles of wherever it is used do not leak in and
 * stacked dialogs are siblings: Escape reaches only the topmost one, which holds the focus.
 */
export function Modal(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;

  useDialogFocus(ref);
  useScrollableByKeyboard(body);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    // The page behind is inert: its window-wide shortcuts must not see keys typed in here.
    event.stopPropagation();
    if (event.key === "Escape" && !event.defaultPrevented) {
      // Handled here rather than through the native cancel, so that a field inside that uses
      // Escape itself (and prevents its default) keeps the dialog open.
      event.preventDefault();
      onClose.current();
    } else if (event.key === "Tab" && ref.current) {
      trapTab(ref.current, event);
    }
  };

  const onMouseDown = (event: MouseEvent<HTMLDialogElement>) => {
    // The backdrop belongs to the dialog element: a press outside its box lands on it.
    const dialog = ref.current;
    if (!dialog || event.target !== dialog) return;
    if (!isInside(dialog.getBoundingClientRect(), event)) onClose.current();
  };

  return createPortal(
    <dialog
      ref={ref}
      className="modal"
      aria-modal="true"
      aria-labelledby={headingId}
      data-testid={props.testId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onMouseDown={onMouseDown}
      onCancel={(event) => {
        // Escape while the focus is nowhere in particular: the browser asks the topmost dialog.
        event.preventDefault();
        onClose.current();
      }}
    >
      <header className="modal-head">
        <h2 id={headingId}>{props.title}</h2>
        <button type="button" className="modal-close" onClick={() => onClose.current()}>
          Close
        </button>
      </header>
      <div className="modal-body" ref={body} data-label-by={headingId}>
        {props.children}
      </div>
    </dialog>,
    document.body,
  );
}

/**
 * Opens the dialog as modal and moves the focus in once, when it mounts (a layout effect, so the
 * focus is inside before the browser paints); on unmount closes it and gives the focus back to
 * what had it before it opened.
 */
function useDialogFocus(ref: RefObject<HTMLDialogElement | null>): void {
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = focusOrigin();
    if (!dialog.open) dialog.showModal();
    firstFocus(dialog)?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // A disabled opener (busy while the dialog's action runs) cannot take it yet: retry once
      // the current task has re-rendered it.
      if (opener?.isConnected) opener.focus();
      if (opener && document.activeElement !== opener)
        setTimeout(() => {
          if (document.activeElement === document.body) opener.focus();
        }, 0);
    };
  }, [ref]);
}

/** Whether a pointer press fell within the dialog's box (outside it, it is on the backdrop). */
function isInside(box: DOMRect, event: { clientX: number; clientY: number }): boolean {
  return (
    event.clientX >= box.left &&
    event.clientX <= box.right &&
    event.clientY >= box.top &&
    event.clientY <= box.bottom
  );
}

/**
 * A body taller than the dialog scrolls; where nothing inside it can take the focus (the list of
 * shortcuts), keyboard users could not scroll it, so it takes the focus itself while it scrolls.
 */
function useScrollableByKeyboard(body: RefObject<HTMLDivElement | null>): void {
  useLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    const update = () => {
      if (el.scrollHeight > el.clientHeight + 1) {
        el.tabIndex = 0;
        el.setAttribute("role", "region");
        el.setAttribute("aria-labelledby", el.dataset.labelBy ?? "");
      } else {
        el.removeAttribute("tabindex");
        el.removeAttribute("role");
        el.removeAttribute("aria-labelledby");
      }
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    for (const child of el.children) observer.observe(child);
    return () => observer.disconnect();
  }, [body]);
}
