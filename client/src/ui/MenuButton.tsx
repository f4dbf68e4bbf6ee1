import "./menu.css";
import { type KeyboardEvent, type RefObject, useEffect, useId, useRef, useState } from "react";

export interface MenuItem {
  id: string;
  label: string;
  /** A longer explanation, shown on hover. */
  title?: string;
  disabled?: boolean;
  onSelect: () => void;
  testId?: string;
  /** An item that destroys something (shown in the danger colour). */
  danger?: boolean;
}

/**
 * A menu button (the WAI-ARIA pattern): Enter, Space or ↓ opens it on the first item, ↑ on the
 * last; ↑ ↓ Home End move, a letter jumps to the next item starting with it, Enter chooses,
 * Escape closes and gives the focus back to the button, Tab or a click elsewhere closes.
 */
export function MenuButton(props: {
  label: string;
  items: MenuItem[];
  /** Names the button for screen readers when its visible label is short ("More"). */
  ariaLabel?: string;
  testId?: string;
  /** Which edge of the button the menu lines up with: its end (default) or its start. */
  align?: "start" | "end";
}) {
  const menuId = useId();
  const { items } = props;
  const {
    open,
    setOpen,
    active,
    setActive,
    button,
    menu,
    root,
    openAt,
    choose,
    onButtonKey,
    onMenuKey,
  } = useMenuKeys(items);

  return (
    <div className="menu-button" ref={root} data-testid={props.testId}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={props.ariaLabel}
        disabled={items.length === 0}
        onClick={() => (open ? setOpen(false) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        {props.label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          className={`menu${props.align === "start" ? " menu-start" : ""}`}
          role="menu"
          id={menuId}
          ref={menu}
          onKeyDown={onMenuKey}
        >
          {items.map((item, index) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              tabIndex={index === active ? 0 : -1}
              aria-disabled={item.disabled || undefined}
              title={item.title}
              className={item.danger ? "danger" : undefined}
              data-testid={item.testId}
              onClick={() => choose(item)}
              onMouseEnter={() => setActive(index)}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * The menu's state and keyboard (kept apart from its markup so that each reads on its own): which
 * item is active and focused, opening on the first or last item, the arrow, Home, End, Escape,
 * Tab and typeahead keys, and closing on a press outside.
 */
function useMenuKeys(items: MenuItem[]) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]")[active]?.focus();
  }, [open, active]);

  useCloseOnPressOutside(open, root, setOpen);

  const openAt = (index: number) => {
    setActive((index + items.length) % items.length);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = (item: MenuItem) => {
    if (item.disabled) return;
    // Focus goes back to the button first, so that a dialog the item opens returns it there.
    close();
    item.onSelect();
  };

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      openAt(event.key === "ArrowDown" ? 0 : -1);
    }
  };

  const onMenuKey = (event: KeyboardEvent) => {
    // Keys in an open menu are the menu's: not the editor's shortcuts, not a dialog's Escape.
    event.stopPropagation();
    const last = items.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      setActive(((moves[event.key] ?? 0) + items.length) % items.length);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      setOpen(false);
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      const next = nextByLetter(items, active, event.key);
      if (next) setActive(items.indexOf(next));
    }
  };

  return {
    open,
    setOpen,
    active,
    setActive,
    button,
    menu,
    root,
    openAt,
    choose,
    onButtonKey,
    onMenuKey,
  };
}

/** A press anywhere outside the menu and its button closes it (the focus stays where it lands). */
function useCloseOnPressOutside(
  open: boolean,
  root: RefObject<HTMLDivElement | null>,
  setOpen: (open: boolean) => void,
): void {
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open, root, setOpen]);
}

/** Typeahead: the next item after the active one (wrapping round) whose label starts with `key`. */
function nextByLetter(items: MenuItem[], active: number, key: string): MenuItem | undefined {
  const letter = key.toLowerCase();
  const order = [...items.slice(active + 1), ...items.slice(0, active + 1)];
  return order.find((item) => item.label.toLowerCase().startsWith(letter));
}
