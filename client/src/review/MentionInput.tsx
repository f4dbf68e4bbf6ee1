import { COMMENT_MAX } from "@logic-canvas/shared";
import { type RefObject, useLayoutEffect, useMemo, useRef, useState } from "react";

interface Props {
  value: string;
  onChange: (value: string) => void;
  names: string[];
  placeholder?: string;
  label: string;
  onSubmit?: () => void;
}

const MENTION_AT_CARET = /@([\p{L}\p{N}_ .'-]{0,40})$/u;

/**
 * Puts the caret at a position in the commit that follows the call. Placed there, before the
 * browser handles another key: placed a frame later (it was), a key typed right after a click on
 * a suggested name landed at the end and the caret then jumped back before it.
 */
function useCaretAfterCommit(ref: RefObject<HTMLTextAreaElement | null>): (at: number) => void {
  const pending = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = pending.current;
    if (at === null) return;
    pending.current = null;
    ref.current?.focus();
    ref.current?.setSelectionRange(at, at);
  });
  return (at) => {
    pending.current = at;
  };
}

/** A comment box that suggests the names of people who took part when one types "@". */
export function MentionInput({ value, onChange, names, placeholder, label, onSubmit }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const query = MENTION_AT_CARET.exec(value.slice(0, caret))?.[1];
  const suggestions = useMemo(() => {
    if (query === undefined) return [];
    const q = query.toLowerCase();
    return names.filter((n) => n.toLowerCase().startsWith(q) && n.toLowerCase() !== q).slice(0, 6);
  }, [names, query]);

  const placeCaret = useCaretAfterCommit(ref);

  function pick(name: string) {
    const before = value.slice(0, caret).replace(MENTION_AT_CARET, `@${name} `);
    const next = before + value.slice(caret);
    onChange(next);
    setCaret(before.length);
    setActive(0);
    placeCaret(before.length);
  }

  return (
    <div className="mention-input">
      <textarea
        ref={ref}
        aria-label={label}
        value={value}
        placeholder={placeholder}
        maxLength={COMMENT_MAX}
        rows={3}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (suggestions.length > 0) {
            if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              const step = e.key === "ArrowDown" ? 1 : -1;
              setActive((a) => (a + step + suggestions.length) % suggestions.length);
              return;
            }
            if (e.key === "Enter" || e.key === "Tab") {
              e.preventDefault();
              pick(suggestions[active] ?? (suggestions[0] as string));
              return;
            }
          }
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            onSubmit?.();
          }
        }}
      />
      {suggestions.length > 0 && (
        <ul className="mention-suggestions" aria-label="People to mention">
          {suggestions.map((name, i) => (
            <li key={name} className={i === active ? "is-active" : undefined}>
              <button
                type="button"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(name)}
              >
                @{name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
